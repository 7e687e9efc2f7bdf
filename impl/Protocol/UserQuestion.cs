using MultiWallet.Impl.Codec;

namespace MultiWallet.Impl.Protocol;

/// <summary>A question to the user and the options offered (empty for free text).</summary>
public sealed record UserQuestion(string Text, IReadOnlyList<string> Options)
{
    private const string Msg = "User.Question";

    /// <summary>The canonical body of a <see cref="UserPortProtocol.Choose"/> or <see cref="UserPortProtocol.TypeAddress"/> request.</summary>
    public byte[] Encode() => new CanonWriter(Msg).Str("text", Text).StrList("options", Options).ToBytes();

    /// <summary>Parses a question strictly; a defect is a typed Malformed error.</summary>
    public static UserQuestion Decode(byte[] b) => CanonReader.Decode(b, Msg, r => new UserQuestion(r.Str("text"), r.StrList("options")), q => q.Encode());
}
