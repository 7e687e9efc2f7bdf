using MultiWallet.Checks.Catalog;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.Set;

namespace MultiWallet.Checks.Tampering;

/// <summary>
/// The wallet's checks of the merchant's replies, each tried with the one reply that must fail it: a gateway key-exchange
/// certificate of the wrong brand or role (the wallet would seal the card number to it), a wrong challenge or RRPID echo,
/// a PInitRes or PRes signed by another merchant's genuine certificate (F4), a PRes for another XID. Each case is data; one
/// rule runs it: the wallet must end with a typed refusal naming the failed check, and, for PInitRes, send no PReq. A
/// control case shows the honest replies pay, so every refusal is the changed reply's doing.
/// </summary>
internal static class WalletReplyChecks
{
    /// <summary>One forged reply: check id, title, what it breaks, the reply as the wallet gets it, and the cause the wallet must name.</summary>
    private sealed record ReplyCase(string Id, string Title, string[] Requirements, Func<WalletUnderTest, PurchaseStep> Deliver, string Cause);

    private static readonly string[] Agreement = ["INV-AGREEMENT", "INV-BAD-INPUT"];

    private static readonly ReplyCase[] Cases =
    [
        new("SET-WALLET-GATEWAY-KE-WRONG-BRAND", "a PInitRes naming the gateway key-exchange certificate of another brand: the wallet refuses to seal the PI to it",
            Agreement,
            w => w.DeliverPInitRes(WithGateway(w, w.World.Pki.Gateway("BrandB").KeyExchange.Chain), w.Merchant.Signing),
            "gateway key-exchange certificate brand BrandB is not BrandA at SW-1"),
        new("SET-WALLET-GATEWAY-KE-WRONG-ROLE", "a PInitRes naming the gateway's signature certificate (not key exchange): the wallet refuses it",
            Agreement,
            w => w.DeliverPInitRes(WithGateway(w, w.World.Pki.Gateway(WalletUnderTest.Brand).Signing.Chain), w.Merchant.Signing),
            "gateway key-exchange certificate has role GatewaySignature, expected GatewayKeyExchange at SW-1"),
        new("SET-WALLET-GATEWAY-KE-MERCHANT", "a PInitRes naming the merchant's own key-exchange certificate as the gateway's: the wallet refuses it (the merchant could read the PI)",
            Agreement,
            w => w.DeliverPInitRes(WithGateway(w, w.Merchant.KeyExchange.Chain), w.Merchant.Signing),
            "gateway key-exchange certificate has role MerchantKeyExchange, expected GatewayKeyExchange at SW-1"),
        new("SET-WALLET-CHALLENGE-ECHO", "a PInitRes echoing another Chall-C: the wallet refuses it",
            Agreement,
            w => w.DeliverPInitRes(w.HonestPInitRes() with { ChallC = Flip(w.Init.ChallC) }, w.Merchant.Signing),
            "Chall-C not echoed in PInitRes at wallet"),
        new("SET-WALLET-PINITRES-RRPID-ECHO", "a PInitRes echoing another RRPID: the wallet refuses it",
            Agreement,
            w => w.DeliverPInitRes(w.HonestPInitRes() with { Rrpid = Flip(w.Init.Rrpid) }, w.Merchant.Signing),
            "LID-M, LID-C or RRPID differ in PInitRes at wallet"),
        new("SET-WALLET-PINITRES-FORGED-SIGNER", "a PInitRes signed with another merchant's genuine certificate of the brand: the wallet refuses it (F4)",
            Agreement,
            w => w.DeliverPInitRes(w.HonestPInitRes(), w.OtherMerchant.Signing),
            "PInitRes signer certificate names merchant SHOP-2, not SHOP-1 at wallet"),
        new("SET-WALLET-PINITRES-GATEWAY-SIGNER", "a PInitRes signed by the gateway's signature certificate: not a merchant signature, refused",
            Agreement,
            w => w.DeliverPInitRes(w.HonestPInitRes(), w.World.Pki.Gateway(WalletUnderTest.Brand).Signing),
            "merchant certificate has role GatewaySignature, expected MerchantSignature at SW-1"),
        new("SET-WALLET-FORGED-PRES", "an approving PRes signed with another merchant's genuine certificate of the brand: the wallet refuses it, not Paid (F4)",
            Agreement,
            w => w.DeliverPRes(w.HonestPRes(), w.OtherMerchant.Signing),
            "PRes signer certificate names merchant SHOP-2, not SHOP-1 at wallet"),
        new("SET-WALLET-PRES-OTHER-XID", "an approving PRes of the merchant for another XID: the wallet refuses it",
            Agreement,
            w => w.DeliverPRes(w.HonestPRes() with { Xid = Flip(w.Xid) }, w.Merchant.Signing),
            "XID, Chall-C, RRPID or LIDs differ in PRes at wallet"),
        new("SET-WALLET-PRES-RRPID", "an approving PRes of the merchant echoing another RRPID: the wallet refuses it (F4)",
            Agreement,
            w => w.DeliverPRes(w.HonestPRes() with { Rrpid = Flip(w.Init.Rrpid) }, w.Merchant.Signing),
            "XID, Chall-C, RRPID or LIDs differ in PRes at wallet"),
    ];

    private static PInitRes WithGateway(WalletUnderTest w, Impl.Crypto.CertChain chain) =>
        w.HonestPInitRes() with { GatewayThumbprint = chain.LeafThumbprint, GatewayChain = chain.Der };

    private static byte[] Flip(byte[] b) => Impl.Network.BitFlip.Flip(b, 0);

    /// <summary>Every forged reply as one check: the wallet's typed refusal naming the failed check, and no PReq after a refused PInitRes.</summary>
    [CheckSource]
    public static IEnumerable<CheckEntry> ReplyChecks() => Cases.Select(c => new CheckEntry(
        new CheckAttribute(c.Id) { Title = c.Title, Requirements = c.Requirements, Kind = CheckKind.Example },
        ctx =>
        {
            var w = new WalletUnderTest(ctx.Seed);
            var step = c.Deliver(w);
            if (WalletUnderTest.Refuses(step, c.Cause) is { } failure)
            {
                ctx.Log(w.World.Trace.Render());
                return CheckOutcome.Fail(failure);
            }
            return CheckOutcome.Pass(((Finished)step).Outcome.ToString() ?? "");
        }));

    [Check("SET-WALLET-REPLIES-CONTROL", Title = "control of the forged-reply checks: the honest PInitRes and PRes built the same way make the wallet pay",
        Requirements = ["INV-AGREEMENT"], Kind = CheckKind.Example)]
    public static CheckOutcome Control(CheckContext ctx)
    {
        var w = new WalletUnderTest(ctx.Seed);
        var step = w.DeliverPRes(w.HonestPRes(), w.Merchant.Signing);
        if (step is not Finished { Outcome: Paid paid }) return CheckOutcome.Fail($"honest replies: {step}");
        var oi = OIData.Decode(w.SentPReq!.OIDataBytes);
        if (!oi.Rrpid.AsSpan().SequenceEqual(w.Init.Rrpid) || !w.SentPReq.Rrpid.AsSpan().SequenceEqual(w.Init.Rrpid))
            return CheckOutcome.Fail("the PReq does not carry the PInitReq's RRPID in the clear and inside the dual-signed OIData");
        return CheckOutcome.Pass($"{paid}; the PReq carries the PInitReq's RRPID, also inside OIData");
    }
}
