using System.Text;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Set;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Tampering;

/// <summary>
/// The one way the suite tampers with a purchase request: one flipped bit at a site that decides who must
/// detect it (<see cref="TamperSite"/>): OIData and the dual signature and the cardholder certificate are the
/// merchant's to catch, the encrypted payment instructions the gateway's. Fixed examples, generated scenarios
/// and canonical traces all use these edits, so "tampered OI" means the same bytes everywhere.
/// </summary>
public static class PReqTampering
{
    /// <summary>The purchase request with one bit flipped at <paramref name="site"/>.</summary>
    public static PReq Apply(PReq p, TamperSite site)
    {
        switch (site)
        {
            case TamperSite.OI:
                var oi = OIData.Decode(p.OIDataBytes);
                return p with { OIDataBytes = (oi with { OdSalt = BitFlip.Flip(oi.OdSalt, 0) }).Encode() };
            case TamperSite.PI:
                var pi = PIDualSigned.Decode(p.PIDualSignedBytes);
                return p with { PIDualSignedBytes = (pi with { PIEnvelope = BitFlip.Flip(pi.PIEnvelope, -40) }).Encode() };
            case TamperSite.DualSig:
                var ds = PIDualSigned.Decode(p.PIDualSignedBytes);
                return p with { PIDualSignedBytes = (ds with { DualSignature = BitFlip.Flip(ds.DualSignature, -1) }).Encode() };
            default:
                return p with { CardholderChain = [FlipInCommonName(p.CardholderChain[0]), .. p.CardholderChain.Skip(1)] };
        }
    }

    /// <summary>
    /// Flips a bit inside the leaf certificate's common name: the DER still parses, so the merchant reaches the
    /// chain's signature check (a flip in the length bytes would only test the parser).
    /// </summary>
    private static byte[] FlipInCommonName(byte[] leaf)
    {
        var cn = new Org.BouncyCastle.X509.X509Certificate(leaf).SubjectDN.GetValueList(Org.BouncyCastle.Asn1.X509.X509Name.CN)[0];
        var at = leaf.AsSpan().IndexOf(Encoding.ASCII.GetBytes(cn));
        return BitFlip.Flip(leaf, at + 3);
    }
}
