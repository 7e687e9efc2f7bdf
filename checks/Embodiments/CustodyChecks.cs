using System.Text;
using MultiWallet.Checks.Catalog;
using MultiWallet.Impl.Client.User;
using MultiWallet.Impl.Codec;
using MultiWallet.Impl.Crypto;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.Server.Slave;
using MultiWallet.Impl.Set;
using MultiWallet.Impl.World;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Embodiments;

/// <summary>
/// E8's custody rules (INV-CUSTODY, docs/DECISIONS.md "E8 custody"), one check per refusal path, each
/// asserting the typed reason AND that nothing was released or paid. Plus the proxy side of INV-CUSTODY:
/// a master wallet in the middle (E7) cannot open the payment instructions.
/// </summary>
internal static class CustodyChecks
{
    private static (PaymentWorld World, EmbodimentWorld E) E8(CheckContext ctx, params (string Ssw, string[] Brands)[] info)
    {
        var world = new PaymentWorld(ctx.Seed);
        var e = EmbodimentWorld.Build(world, new TopologyConfig("E8", [new WalletConfig("SSW-1", ["BrandB"])], new WalletConfig("MSW", ["BrandA"]))
        {
            Knowledge = new KnowledgeConfig.BrandTable(info.Length > 0 ? info.Select(i => (i.Ssw, (IReadOnlyList<string>)i.Brands)).ToList() : [("SSW-1", ["BrandB"])]),
        }, new ScriptedUser([]));
        return (world, e);
    }

    /// <summary>Sends a custody request signed by <paramref name="signer"/> straight to SSW-1 and returns the refusal reason (or "Released").</summary>
    private static string Ask(PaymentWorld world, SigningIdentity signer, string requester, KeyExchangeIdentity ke, string brand, string lidM, byte nonce = 0) =>
        AskRaw(world, signer, requester, ke, brand, lidM, nonce).Result;

    private static (string Result, byte[] Body) AskRaw(PaymentWorld world, SigningIdentity signer, string requester, KeyExchangeIdentity ke, string brand, string lidM, byte nonce = 0)
    {
        var req = new CustodyRequest(requester, brand, PaymentWorld.MerchantId, lidM, 1000, "JPY", Enumerable.Repeat(nonce, 16).ToArray(), ke.Chain.Der);
        var body = SignedMessage.Sign(CustodyProtocol.RequestInner, req.Encode(), signer).Encode();
        var reply = world.Network.SendAsync(new NetMessage(Address.ServerWallet("MSW"), Address.ServerWallet("SSW-1"), CustodyProtocol.Acquire, body)).GetAwaiter().GetResult();
        return (reply.Kind == CustodyProtocol.Released ? "Released" : reply.Field("reason") ?? "?", reply.Body);
    }

    private static CheckOutcome Expect(string got, string want, CredentialCustodian c, int releases, string what) =>
        got != want ? CheckOutcome.Fail($"{what}: expected {want}, got {got}")
        : c.ReleaseCount != releases ? CheckOutcome.Fail($"{what}: custodian released {c.ReleaseCount} times, expected {releases}")
        : CheckOutcome.Pass($"{what}: {got}; releases {c.ReleaseCount}");

    [Check("CUSTODY-E8-UNAUTHENTICATED", Title = "E8: a custody request whose signature does not verify is refused Unauthenticated; nothing released",
        Requirements = ["E8", "C9", "INV-CUSTODY", "INV-BAD-INPUT"], Embodiments = [Embodiment.E8])]
    public static CheckOutcome Unauthenticated(CheckContext ctx)
    {
        var (world, e) = E8(ctx);
        var msw = world.Pki.ServerWallet("MSW");
        // The MSW's certificate chain, but signed with another key: the chain is fine, the signature is not.
        var forged = new SigningIdentity(world.Pki.Cardholder("SSW-1", "BrandB").Signing.Key, msw.Signing.Chain);
        var got = Ask(world, forged, "MSW", msw.KeyExchange, "BrandB", "ORD-1");
        // A cardholder certificate is not a server identity at all.
        var card = world.Pki.Cardholder("SW-X", "BrandA").Signing;
        var got2 = Ask(world, card, "MSW", msw.KeyExchange, "BrandB", "ORD-2");
        return got2 != nameof(CustodyRefusal.Unauthenticated)
            ? CheckOutcome.Fail($"cardholder-signed request: expected Unauthenticated, got {got2}")
            : Expect(got, nameof(CustodyRefusal.Unauthenticated), e.Custodians["SSW-1"], 0, "request signed with a key not matching the MSW certificate");
    }

    [Check("CUSTODY-E8-NOT-ITS-MASTER", Title = "E8: an authenticated server wallet that is not this slave's master is refused NotItsMaster; nothing released",
        Requirements = ["E8", "C9", "INV-CUSTODY"], Embodiments = [Embodiment.E8])]
    public static CheckOutcome NotItsMaster(CheckContext ctx)
    {
        var (world, e) = E8(ctx);
        var other = world.Pki.ServerWallet("MSW-OTHER");
        var got = Ask(world, other.Signing, "MSW-OTHER", other.KeyExchange, "BrandB", "ORD-1");
        // Claiming to be MSW in the request body does not help: the certificate names MSW-OTHER.
        var got2 = Ask(world, other.Signing, "MSW", other.KeyExchange, "BrandB", "ORD-2");
        return got2 != nameof(CustodyRefusal.NotItsMaster)
            ? CheckOutcome.Fail($"request claiming 'MSW' under MSW-OTHER's certificate: expected NotItsMaster, got {got2}")
            : Expect(got, nameof(CustodyRefusal.NotItsMaster), e.Custodians["SSW-1"], 0, "request from another master wallet");
    }

    [Check("CUSTODY-E8-SECOND-USE", Title = "E8: the credential is released once per order; a second request for the same order is refused AlreadyReleased (the same request repeated byte for byte gets the same release, still one)",
        Requirements = ["E8", "C9", "INV-CUSTODY", "INV-ONCE"], Embodiments = [Embodiment.E8])]
    public static CheckOutcome SecondUse(CheckContext ctx)
    {
        var (world, e) = E8(ctx);
        var msw = world.Pki.ServerWallet("MSW");
        var first = AskRaw(world, msw.Signing, "MSW", msw.KeyExchange, "BrandB", "ORD-1");
        if (first.Result != "Released") return CheckOutcome.Fail($"first request: expected Released, got {first.Result}");
        // A retry after a lost answer (DECISIONS.md S2): the release it was sent, byte for byte; no second release.
        var repeat = AskRaw(world, msw.Signing, "MSW", msw.KeyExchange, "BrandB", "ORD-1");
        if (repeat.Result != "Released" || !repeat.Body.AsSpan().SequenceEqual(first.Body) || e.Custodians["SSW-1"].ReleaseCount != 1)
            return CheckOutcome.Fail($"identical repeat: expected the recorded release and one release, got {repeat.Result}, {e.Custodians["SSW-1"].ReleaseCount} releases");
        var second = Ask(world, msw.Signing, "MSW", msw.KeyExchange, "BrandB", "ORD-1", nonce: 1);
        return Expect(second, nameof(CustodyRefusal.AlreadyReleased), e.Custodians["SSW-1"], 1, "second request for ORD-1");
    }

    [Check("CUSTODY-E8-BRAND-NOT-HELD", Title = "E8: brand information naming a slave that lacks the brand ends in CredentialRefused; no PInitReq reaches the merchant",
        Requirements = ["E8", "C9", "INV-CUSTODY", "INV-ROUTE-SOUND", "INV-ROUTE-COMPLETE"], Embodiments = [Embodiment.E8])]
    public static CheckOutcome BrandNotHeld(CheckContext ctx)
    {
        var (world, e) = E8(ctx, ("SSW-1", ["BrandB", "BrandC"]));
        var outcome = e.PayAsync(world.WakeUp("ORD-1", "BrandC")).GetAwaiter().GetResult();
        if (outcome is not Refused { Reason: RefusalReason.CredentialRefused, Wallet: "SSW-1" } r || !r.Cause.Contains(nameof(CustodyRefusal.BrandNotHeld)))
            return CheckOutcome.Fail($"expected Refused(CredentialRefused: BrandNotHeld, SSW-1), got {outcome}");
        var atMerchant = world.Merchant.Received.Count;
        return atMerchant != 0 ? CheckOutcome.Fail($"{atMerchant} messages reached the merchant")
            : Expect(nameof(CustodyRefusal.BrandNotHeld), nameof(CustodyRefusal.BrandNotHeld), e.Custodians["SSW-1"], 0, outcome.ToString());
    }

    [Check("CUSTODY-E8-ERASED-AND-PROTECTED", Title = "E8: the released key travels encrypted to the MSW only, is bound to the order, and the MSW holds no acquired credential after paying",
        Requirements = ["E8", "C9", "INV-CUSTODY"], Embodiments = [Embodiment.E8])]
    public static CheckOutcome ErasedAndProtected(CheckContext ctx)
    {
        var (world, e) = E8(ctx);
        world.Network.RecordRequests = true;
        var outcome = e.PayAsync(world.WakeUp("ORD-1", "BrandB")).GetAwaiter().GetResult();
        if (outcome is not Paid { Wallet: "MSW", Brand: "BrandB" }) return CheckOutcome.Fail($"expected Paid(MSW, BrandB), got {outcome}");
        if (e.Master!.AcquiredCredentialsHeld != 0) return CheckOutcome.Fail($"MSW still holds {e.Master.AcquiredCredentialsHeld} acquired credential(s)");
        var names = world.Trace.Events.OfType<DecisionEvent>().Select(d => d.What).ToList();
        var released = names.IndexOf(TraceDecisions.CredentialReleased);
        var erased = names.IndexOf(TraceDecisions.CredentialErased);
        if (released < 0 || erased < released) return CheckOutcome.Fail("trace lacks CredentialReleased followed by CredentialErased");
        var cred = world.Pki.Cardholder("SSW-1", "BrandB");
        var key = cred.Signing.Key.D.ToByteArrayUnsigned();
        var pan = Encoding.ASCII.GetBytes(cred.Account.Pan);
        // Every message body, requests and responses, as it crossed the network.
        var leaks = world.Network.Requests.Where(m => Foundation.FoundationChecks.Contains(m.Body, key) || Foundation.FoundationChecks.Contains(m.Body, pan)).Select(m => $"{m.From}->{m.To} {m.Kind}").ToList();
        // The release itself (a response, so not in Requests): ask again for another order and inspect its bytes.
        var msw = world.Pki.ServerWallet("MSW");
        var (result, releaseBody) = AskRaw(world, msw.Signing, "MSW", msw.KeyExchange, "BrandB", "ORD-2");
        if (result != "Released") return CheckOutcome.Fail($"a fresh order's request: expected Released, got {result}");
        if (Foundation.FoundationChecks.Contains(releaseBody, key) || Foundation.FoundationChecks.Contains(releaseBody, pan)) leaks.Add("Custody.Released body");
        var opened = CredentialPackage.Decode(Envelope.Open(SignedMessage.Decode(releaseBody, CustodyProtocol.ReleaseInner).Content, msw.KeyExchange, "MSW"));
        if (opened.LidM != "ORD-2" || opened.Brand != "BrandB") leaks.Add($"release bound to {opened.LidM}/{opened.Brand}, not ORD-2/BrandB");
        try
        {
            Envelope.Open(SignedMessage.Decode(releaseBody, CustodyProtocol.ReleaseInner).Content, world.Pki.ServerWallet("MSW-OTHER").KeyExchange, "MSW-OTHER");
            leaks.Add("another server wallet's key opened the release");
        }
        catch (SetException) { }
        return leaks.Count > 0 ? CheckOutcome.Fail($"custody breach: {string.Join(", ", leaks)}")
            : CheckOutcome.Pass($"{outcome}; released once, erased after PRes, key and PAN never in clear on the wire");
    }

    [Check("CUSTODY-E7-PROXY-CANNOT-READ-PI", Title = "E7: the master wallet relaying a slave's purchase cannot open the payment instructions (enveloped for the gateway)",
        Requirements = ["E7", "C8", "INV-CUSTODY", "INV-PROXY-TRANSPARENT"], Embodiments = [Embodiment.E7])]
    public static CheckOutcome ProxyCannotReadPi(CheckContext ctx)
    {
        var world = new PaymentWorld(ctx.Seed);
        var e = EmbodimentWorld.Build(world, new TopologyConfig("E7", [new WalletConfig("SSW-1", ["BrandB"])], new WalletConfig("MSW", ["BrandA"]))
        {
            Knowledge = new KnowledgeConfig.BrandTable([("SSW-1", ["BrandB"])]),
        }, new ScriptedUser([]));
        world.Network.RecordRequests = true;
        var outcome = e.PayAsync(world.WakeUp("ORD-1", "BrandB")).GetAwaiter().GetResult();
        if (outcome is not Paid { Wallet: "SSW-1" }) return CheckOutcome.Fail($"expected Paid(SSW-1, BrandB), got {outcome}");
        var preq = world.Network.Requests.Single(m => m.Kind == PReq.Kind);
        var pi = PIDualSigned.Decode(PReq.Decode(preq.Body).PIDualSignedBytes);
        try
        {
            Envelope.Open(pi.PIEnvelope, world.Pki.ServerWallet("MSW").KeyExchange, "MSW");
            return CheckOutcome.Fail("the MSW's key-exchange key opened the PI envelope");
        }
        catch (SetException ex) when (ex.Error.Code == SetErrorCode.Decryption)
        {
            var pan = Encoding.ASCII.GetBytes(world.Pki.Cardholder("SSW-1", "BrandB").Account.Pan);
            var throughMsw = world.Network.Requests.Where(m => m.From.Value == "sw://MSW" || m.To.Value == "sw://MSW").ToList();
            return throughMsw.Any(m => Foundation.FoundationChecks.Contains(m.Body, pan))
                ? CheckOutcome.Fail("the PAN crossed the MSW in clear")
                : CheckOutcome.Pass($"PI envelope refused the MSW's key ({ex.Error.Cause}); PAN absent from {throughMsw.Count} messages through the MSW");
        }
    }

}
