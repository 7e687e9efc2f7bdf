using MultiWallet.Impl.Codec;

namespace MultiWallet.Impl.Protocol;

/// <summary>The body of a <see cref="CustodyProtocol.Refused"/> reply: the refusal reason and its cause.</summary>
/// <param name="Reason">A <see cref="CustodyRefusal"/> name.</param>
/// <param name="Cause">What exactly was refused, at which slave.</param>
public sealed record CustodyRefusedBody(string Reason, string Cause)
{
    private const string Msg = "CustodyRefused";

    /// <summary>The canonical bytes of this body.</summary>
    public byte[] Encode() => new CanonWriter(Msg).Str("reason", Reason).Str("cause", Cause).ToBytes();

    /// <summary>Parses canonical bytes strictly; any defect is a typed Malformed error.</summary>
    public static CustodyRefusedBody Decode(byte[] b) => CanonReader.Decode(b, Msg, r => new CustodyRefusedBody(r.Str("reason"), r.Str("cause")), x => x.Encode());
}
