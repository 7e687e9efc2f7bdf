using MultiWallet.Impl.Codec;

namespace MultiWallet.Impl.Set;

/// <summary>
/// Inquiry answer, merchant → wallet, signed ("Signed/InqRes"): TransIDs, the inquiry's RRPID and Chall-C
/// echoed, the status, a cause, and for Paid/Declined the signed PRes the merchant recorded for the
/// transaction (so the wallet verifies exactly what it would have received).
/// </summary>
public sealed record InqRes(string LidC, string LidM, byte[] Xid, byte[] Rrpid, byte[] ChallC, InquiryStatus Status, string Cause, IReadOnlyList<byte[]> RecordedPRes)
{
    /// <summary>The network kind of this message, also its canonical "msg" tag.</summary>
    public const string Kind = "InqRes";

    /// <summary>The canonical bytes of this message.</summary>
    public byte[] Encode() => new CanonWriter(Kind).Str("lid-c", LidC).Str("lid-m", LidM).Bytes("xid", Xid).Bytes("rrpid", Rrpid).Bytes("chall-c", ChallC)
        .Str("status", Status.ToString()).Str("cause", Cause).BytesList("pres", RecordedPRes).ToBytes();

    /// <summary>Parses canonical bytes strictly; any defect is a typed Malformed error.</summary>
    public static InqRes Decode(byte[] b) => CanonReader.Decode(b, Kind, r =>
    {
        var lidC = r.Str("lid-c"); var lidM = r.Str("lid-m"); var xid = r.Bytes("xid", 20); var rrpid = r.Bytes("rrpid", 20); var challC = r.Bytes("chall-c", 20);
        var s = r.Str("status");
        if (!Enum.TryParse<InquiryStatus>(s, out var status) || !Enum.IsDefined(status) || s != status.ToString())
            throw new SetException(SetErrorCode.Malformed, "InqRes: field status is not a known status");
        var cause = r.Str("cause", allowEmpty: true);
        var pres = r.BytesList("pres");
        if ((status is InquiryStatus.Paid or InquiryStatus.Declined) != (pres.Count == 1) || pres.Count > 1)
            throw new SetException(SetErrorCode.Malformed, "InqRes: a recorded PRes comes with Paid or Declined, and only then");
        return new InqRes(lidC, lidM, xid, rrpid, challC, status, cause, pres);
    }, m => m.Encode());
}
