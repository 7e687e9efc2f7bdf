using MultiWallet.Impl.Codec;
using MultiWallet.Impl.Set;

namespace MultiWallet.Impl.Parties;

/// <summary>The faithful agreement of PI and AuthReqData: every field the cardholder signed in the PI equals the merchant's.</summary>
public sealed class AuthReqAgreement : IAuthReqAgreement
{
    /// <summary>The one instance.</summary>
    public static readonly AuthReqAgreement Faithful = new();

    private AuthReqAgreement() { }

    /// <inheritdoc/>
    public void Require(PIHead head, byte[] piHOIData, AuthReqData data)
    {
        if (!piHOIData.AsSpan().SequenceEqual(data.HOIData))
            throw new SetException(SetErrorCode.Mismatch, "H(OIData) in PI differs from the merchant's AuthReq at gateway");
        if (!head.Hod.AsSpan().SequenceEqual(data.Hod) || head.Amount != data.Amount || head.Currency != data.Currency)
            throw new SetException(SetErrorCode.Mismatch, "HOD or amount in PI differs from the merchant's AuthReq at gateway");
        if (!head.Xid.AsSpan().SequenceEqual(data.Xid) || head.LidM != data.LidM || head.MerchantId != data.MerchantId || head.Brand != data.Brand)
            throw new SetException(SetErrorCode.Mismatch, "XID, LID-M, merchant or brand in PI differs from AuthReq at gateway");
    }
}
