using MultiWallet.Impl.Crypto;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.Server;
using MultiWallet.Impl.Set;
using MultiWallet.Impl.World;

namespace MultiWallet.Checks.Tampering;

/// <summary>
/// The wallet's side of one purchase (SW-1 paying ORD-1 with BrandA at the world's merchant), driven message by message
/// so a check can hand it merchant replies that a malicious merchant, or a network attacker holding another merchant's
/// genuine certificate, could send: the honest replies are built here the way the merchant builds them, and a check
/// changes one thing in them.
/// </summary>
internal sealed class WalletUnderTest
{
    public const string Brand = "BrandA";

    private readonly CardholderPurchase purchase;

    public WalletUnderTest(int seed)
    {
        World = new PaymentWorld(seed);
        Order = WakeUp.Decode(World.WakeUp("ORD-1", Brand));
        purchase = new CardholderPurchase(World.Pki.Cardholder("SW-1", Brand), World.Validator("SW-1"), World.Random("sw/SW-1"), World.Trace, "SW-1");
        Init = PInitReq.Decode(((SendToMerchant)purchase.Start(Order)).Body);
        Xid = World.Random("merchant/xid").Bytes(20);
    }

    public PaymentWorld World { get; }
    public WakeUp Order { get; }
    public PInitReq Init { get; }
    public byte[] Xid { get; }

    /// <summary>The world's merchant's credential for the brand.</summary>
    public PartyCredential Merchant => World.Pki.Merchant(Brand);

    /// <summary>A genuine merchant certificate from the same Merchant CA, naming another merchant.</summary>
    public PartyCredential OtherMerchant => World.Pki.Merchant(Brand, "SHOP-2");

    /// <summary>The PInitRes the merchant would send.</summary>
    public PInitRes HonestPInitRes()
    {
        var gw = World.Pki.Gateway(Brand).KeyExchange.Chain;
        return new PInitRes(Init.LidC, Init.LidM, Xid, World.Clock.UtcNow.ToString("O"), Init.Rrpid, Init.ChallC, World.Random("merchant/challm").Bytes(20), gw.LeafThumbprint, gw.Der);
    }

    /// <summary>The PRes the merchant would send for an approved authorization.</summary>
    public PRes HonestPRes() => new(Init.LidC, Init.LidM, Xid, Init.Rrpid, Init.ChallC, true, "A1B2C3");

    /// <summary><paramref name="content"/> signed as <paramref name="kind"/> by <paramref name="by"/>.</summary>
    public static byte[] Sign(string kind, byte[] content, SigningIdentity by) => SignedMessage.Sign(kind, content, by).Encode();

    /// <summary>Delivers a PInitRes; returns the wallet's next step.</summary>
    public PurchaseStep DeliverPInitRes(PInitRes res, SigningIdentity by) => purchase.Deliver(PInitRes.Kind, Sign(PInitRes.Kind, res.Encode(), by));

    /// <summary>Delivers the honest PInitRes (the wallet answers with its PReq), then <paramref name="res"/> signed by <paramref name="by"/>.</summary>
    public PurchaseStep DeliverPRes(PRes res, SigningIdentity by)
    {
        if (DeliverPInitRes(HonestPInitRes(), Merchant.Signing) is not SendToMerchant { Kind: PReq.Kind } step)
            throw new InvalidOperationException("the wallet did not answer the honest PInitRes with a PReq");
        SentPReq = PReq.Decode(step.Body);
        return purchase.Deliver(PRes.Kind, Sign(PRes.Kind, res.Encode(), by));
    }

    /// <summary>The PReq the wallet sent (after <see cref="DeliverPRes"/>).</summary>
    public PReq? SentPReq { get; private set; }

    /// <summary>Null when <paramref name="step"/> is the wallet's typed refusal naming <paramref name="cause"/>, else what went wrong.</summary>
    public static string? Refuses(PurchaseStep step, string cause) =>
        step is Finished { Outcome: Refused { Reason: RefusalReason.ProtocolError } r } && r.Cause.Contains(cause, StringComparison.Ordinal)
            ? null
            : $"expected the wallet's ProtocolError naming \"{cause}\", got {Describe(step)}";

    private static string Describe(PurchaseStep step) => step switch
    {
        Finished f => f.Outcome.ToString() ?? "",
        SendToMerchant s => $"a {s.Kind} sent to the merchant",
        _ => step.ToString() ?? "",
    };
}
