using MultiWallet.Impl.Codec;

namespace MultiWallet.Impl.Protocol;

/// <summary>The body of a <see cref="WalletProtocol.Rejected"/> reply: the <see cref="SessionRejection"/> and its cause.</summary>
/// <param name="Reason">A <see cref="SessionRejection"/> name.</param>
/// <param name="Cause">What exactly was rejected, at which wallet.</param>
public sealed record SessionRejectedBody(string Reason, string Cause)
{
    private const string Msg = "SessionRejected";

    /// <summary>The canonical bytes of this body.</summary>
    public byte[] Encode() => new CanonWriter(Msg).Str("reason", Reason).Str("cause", Cause).ToBytes();

    /// <summary>Parses canonical bytes strictly; any defect is a typed Malformed error.</summary>
    public static SessionRejectedBody Decode(byte[] b) => CanonReader.Decode(b, Msg, r => new SessionRejectedBody(r.Str("reason"), r.Str("cause")), x => x.Encode());
}
