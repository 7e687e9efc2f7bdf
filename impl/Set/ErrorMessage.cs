using MultiWallet.Impl.Codec;

namespace MultiWallet.Impl.Set;

/// <summary>The typed error a SET party answers with (network kind "Error"); nothing else changes at the party.</summary>
public static class ErrorMessage
{
    /// <summary>The network kind of this message, also its canonical "msg" tag.</summary>
    public const string Kind = "Error";

    /// <summary>The canonical bytes of an error.</summary>
    public static byte[] Encode(SetError e) => new CanonWriter(Kind).Str("code", e.Code.ToString()).Str("cause", e.Cause).ToBytes();

    /// <summary>Parses canonical bytes strictly; any defect is a typed Malformed error.</summary>
    public static SetError Decode(byte[] b) => CanonReader.Decode(b, Kind, r =>
    {
        var code = r.Str("code");
        return new SetError(Enum.TryParse<SetErrorCode>(code, out var c) ? c : throw new SetException(SetErrorCode.Malformed, $"Error: unknown code {code}"), r.Str("cause"));
    }, Encode);
}
