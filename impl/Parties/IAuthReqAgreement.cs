using MultiWallet.Impl.Set;

namespace MultiWallet.Impl.Parties;

/// <summary>
/// How the gateway decides that the PI the cardholder sealed and the AuthReqData the merchant signed describe one purchase
/// (H(OIData), HOD, amount, currency, XID, LID-M, merchant, brand). <see cref="AuthReqAgreement"/> is the one faithful rule;
/// the interface is the seam a seeded attack fault substitutes.
/// </summary>
public interface IAuthReqAgreement
{
    /// <summary>Throws a <see cref="Codec.SetException"/> when the PI's head and H(OIData) differ from <paramref name="data"/>.</summary>
    void Require(PIHead head, byte[] piHOIData, AuthReqData data);
}
