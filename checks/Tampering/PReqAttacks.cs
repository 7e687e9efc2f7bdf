using MultiWallet.Impl.Crypto;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Set;
using MultiWallet.Impl.World;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Tampering;

/// <summary>
/// Edits of a purchase request an attacker on the client↔merchant link (or the relaying PC, or a proxy) can make, each
/// named, and whose party must catch it: the four <see cref="TamperSite"/>s, the RRPID substituted in the clear, and PIs
/// that open fine at the gateway but are not what the cardholder signed (resealed with a changed nonce), plus bit flips at
/// every part of the PI envelope (header, recipient, wrapped key, nonce, ciphertext, tag) and envelopes that are not one.
/// The uniform-failure check sends all of them; the binding checks use one each.
/// </summary>
internal static class PReqAttacks
{
    /// <summary>One edit: its name, whether the gateway (not the merchant) is the one to catch it, and the edit.</summary>
    public sealed record Attack(string Name, bool ByGateway, Func<PaymentWorld, PReq, PReq> Edit);

    /// <summary>The PReq with its outer RRPID substituted (OIData still carries the signed one).</summary>
    public static PReq SubstituteRrpid(PReq p) => p with { Rrpid = BitFlip.Flip(p.Rrpid, 0) };

    /// <summary>
    /// The PI opened with the gateway's key (what a party that had it could do), its PANData nonce changed and sealed again to
    /// the gateway: it decrypts fine, but it is not the PI the cardholder's dual signature covers. The merchant cannot see it.
    /// </summary>
    public static PReq ResealedPi(PaymentWorld world, PReq p)
    {
        var gw = world.Pki.Gateway("BrandA").KeyExchange;
        var pids = PIDualSigned.Decode(p.PIDualSignedBytes);
        var pi = PIEnvelopeContent.Decode(Envelope.Open(pids.PIEnvelope, gw, "attacker"));
        var pan = PanData.Decode(pi.PanDataBytes);
        var changed = pi with { PanDataBytes = (pan with { ExNonce = BitFlip.Flip(pan.ExNonce, 0) }).Encode() };
        var env = Envelope.Seal(changed.Encode(), gw.Chain.Leaf, world.Random("attacker/reseal"));
        return p with { PIDualSignedBytes = (pids with { PIEnvelope = env }).Encode() };
    }

    private static PReq EditPi(PReq p, Func<byte[], byte[]> edit)
    {
        var pids = PIDualSigned.Decode(p.PIDualSignedBytes);
        return p with { PIDualSignedBytes = (pids with { PIEnvelope = edit(pids.PIEnvelope) }).Encode() };
    }

    /// <summary>Where the GCM nonce of an envelope starts (read from its parameters, found in its bytes).</summary>
    private static int NonceAt(byte[] envelope)
    {
        var ci = Org.BouncyCastle.Asn1.Cms.ContentInfo.GetInstance(Org.BouncyCastle.Asn1.Asn1Object.FromByteArray(envelope));
        var eci = Org.BouncyCastle.Asn1.Cms.EncryptedContentInfo.GetInstance(Org.BouncyCastle.Asn1.Asn1Sequence.GetInstance(ci.Content)[2]);
        var nonce = Org.BouncyCastle.Asn1.Asn1OctetString.GetInstance(Org.BouncyCastle.Asn1.Asn1Sequence.GetInstance(eci.ContentEncryptionAlgorithm.Parameters)[0]).GetOctets();
        return envelope.AsSpan().IndexOf(nonce);
    }

    private static Attack Site(TamperSite s) => new($"tamper {s}", s == TamperSite.PI, (_, p) => PReqTampering.Apply(p, s));

    private static Attack PiFlip(string where, int offset) => new($"PI envelope bit flip at {where} ({offset})", true, (_, p) => EditPi(p, e => BitFlip.Flip(e, offset)));

    /// <summary>Every edit, merchant-caught first.</summary>
    public static IReadOnlyList<Attack> All { get; } =
    [
        Site(TamperSite.OI), Site(TamperSite.DualSig), Site(TamperSite.Cert),
        new("RRPID substituted", false, (_, p) => SubstituteRrpid(p)),
        new("H(PIData) flipped", false, (_, p) => p with { HPIData = BitFlip.Flip(p.HPIData, 3) }),
        new("cardholder chain without its CA", false, (_, p) => p with { CardholderChain = [p.CardholderChain[0]] }),
        Site(TamperSite.PI),
        PiFlip("DER header", 1), PiFlip("content type", 12), PiFlip("recipient", 60), PiFlip("wrapped key", 300),
        new("PI envelope bit flip in the GCM nonce", true, (_, p) => EditPi(p, e => BitFlip.Flip(e, NonceAt(e) + 5))),
        PiFlip("ciphertext", -400), PiFlip("tag", -3),
        new("PI envelope truncated", true, (_, p) => EditPi(p, e => e[..^20])),
        new("PI envelope replaced by noise", true, (w, p) => EditPi(p, e => w.Random("attacker/noise").Bytes(e.Length))),
        new("PI resealed with a changed nonce", true, ResealedPi),
    ];
}
