using MultiWallet.Impl.Codec;

namespace MultiWallet.Impl.Set;

/// <summary>The typed error a SET party answers with (network kind "Error"); nothing else changes at the party.</summary>
public static class ErrorMessage
{
    public const string Kind = "Error";

    public static byte[] Encode(SetError e) => new CanonWriter(Kind).Str("code", e.Code.ToString()).Str("cause", e.Cause).ToBytes();

    public static SetError Decode(byte[] b) => CanonReader.Decode(b, Kind, r =>
    {
        var code = r.Str("code");
        return new SetError(Enum.TryParse<SetErrorCode>(code, out var c) ? c : throw new SetException(SetErrorCode.Malformed, $"Error: unknown code {code}"), r.Str("cause"));
    }, Encode);
}
