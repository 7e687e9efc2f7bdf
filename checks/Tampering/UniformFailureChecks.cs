using MultiWallet.Checks.Catalog;
using MultiWallet.Checks.Foundation;
using MultiWallet.Impl.Crypto;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Set;
using MultiWallet.Impl.World;

namespace MultiWallet.Checks.Tampering;

/// <summary>
/// INV-UNIFORM-FAILURE tried as an attacker probing for an oracle: many differently tampered requests, each in a fresh world
/// of the same seed, and every answer compared byte for byte (kind, body, fields). At the merchant: every
/// <see cref="PReqAttacks"/> edit, whether the merchant or the gateway catches it; the order is left as it was (merchant)
/// or closed the same way (gateway), whatever the cause. At the gateway: AuthReq, AuthInqReq and AuthRevReq envelopes
/// tampered anywhere, garbage, envelopes for someone else, and genuine ones signed by another merchant.
/// </summary>
internal static class UniformFailureChecks
{
    private static string Show(NetMessage m) =>
        $"{m.Kind} {TraceLog.Digest(m.Body)} {string.Join(",", m.Fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}"))}";

    /// <summary>What one probe at the merchant showed: the answer to the PReq, what the user saw, the order after it, who caught it.</summary>
    private sealed record Probe(string Attack, bool ByGateway, string Answer, string Outcome, string Order, string Cause, string? Failure);

    private static Probe Run(CheckContext ctx, PReqAttacks.Attack a)
    {
        var bad = new BadInput(ctx);
        bad.Tamper(PReq.Kind, m => m with { Body = a.Edit(bad.World, PReq.Decode(m.Body)).Encode() });
        var outcome = bad.Pay();
        var answers = bad.World.Network.Responses.Where(r => r.Kind == ErrorMessage.Kind && r.From == Address.Merchant).ToList();
        var failure = answers.Count != 1 ? $"{answers.Count} Error answers of the merchant"
            : bad.ExpectRejected(outcome, a.ByGateway ? "gateway" : "merchant", "", orderClosed: a.ByGateway);
        var order = bad.World.Merchant.Orders[bad.LidM];
        var cause = bad.World.Trace.Events.OfType<DecisionEvent>().FirstOrDefault(d => d.What == TraceDecisions.Reject)?.Reason ?? "-";
        return new Probe(a.Name, a.ByGateway, answers.Count == 1 ? Show(answers[0]) : "-", outcome.ToString() ?? "", $"{order} cause={order.Cause}", cause, failure);
    }

    [Check("SET-UNIFORM-FAILURE-MERCHANT", Title = "differently tampered PReqs (OI, dual signature, chain, RRPID, H(PIData), PI bit flips in every part of the envelope, truncated, noise, resealed PI) all get the byte-identical answer; the order is unchanged (merchant-caught) or closed identically (gateway-caught)",
        Requirements = ["INV-UNIFORM-FAILURE", "INV-BAD-INPUT", "INV-DUAL-SIG"], Kind = CheckKind.Example)]
    public static CheckOutcome AtMerchant(CheckContext ctx)
    {
        var probes = PReqAttacks.All.Select(a => Run(ctx, a)).ToList();
        foreach (var p in probes) ctx.Log($"{p.Attack,-45} {p.Answer}  {p.Order}  (own log: {p.Cause})");
        if (probes.FirstOrDefault(p => p.Failure is not null) is { } broken) return CheckOutcome.Fail($"{broken.Attack}: {broken.Failure}");
        var answers = probes.Select(p => p.Answer).Distinct().ToList();
        if (answers.Count != 1) return CheckOutcome.Fail($"{answers.Count} different answers: {string.Join(" | ", probes.Select(p => $"{p.Attack} → {p.Answer}"))}");
        var outcomes = probes.Select(p => p.Outcome).Distinct().ToList();
        if (outcomes.Count != 1) return CheckOutcome.Fail($"the user saw {outcomes.Count} different refusals: {string.Join(" | ", outcomes)}");
        // Not vacuous: the probes failed different checks, which only the parties' own logs tell apart.
        var causes = probes.Select(p => p.Cause).Distinct().Count();
        if (causes < 5) return CheckOutcome.Fail($"only {causes} distinct causes in the parties' logs: the probes did not reach different checks");
        var closed = probes.Where(p => p.ByGateway).Select(p => p.Order).Distinct().ToList();
        if (closed.Count != 1) return CheckOutcome.Fail($"gateway refusals left {closed.Count} different orders: {string.Join(" | ", closed)}");
        return CheckOutcome.Pass($"{probes.Count} tampered PReqs ({probes.Count(p => !p.ByGateway)} merchant-caught, {probes.Count(p => p.ByGateway)} gateway-caught): {causes} distinct causes in the parties' own logs, one answer {answers[0]}; merchant-caught orders unchanged; gateway-caught orders all '{closed[0]}'");
    }

    /// <summary>Tampered or foreign requests to the gateway, built from the honest AuthReq of a paid purchase.</summary>
    private static IEnumerable<(string Name, NetMessage Request)> GatewayProbes(PaymentWorld world, NetMessage authReq, PReq preq)
    {
        var order = world.Merchant.Orders["ORD-1"].Offer;
        var xid = world.Merchant.Orders["ORD-1"].Xid!;
        var other = world.Pki.Merchant("BrandA", "SHOP-2");
        NetMessage Body(byte[] b) => authReq with { Body = b };
        foreach (var at in new[] { 1, 12, 60, 300, authReq.Body.Length / 2, -40, -3 })
            yield return ($"AuthReq bit flip at {at}", Body(BitFlip.Flip(authReq.Body, at)));
        yield return ("AuthReq truncated", Body(authReq.Body[..^20]));
        yield return ("AuthReq noise", Body(world.Random("attacker/noise").Bytes(authReq.Body.Length)));
        yield return ("AuthReq sealed to the merchant", Body(Envelope.Seal(authReq.Body, world.Pki.Merchant("BrandA").KeyExchange.Chain.Leaf, world.Random("attacker/m"))));
        yield return ("AuthReq of valid envelope over noise", Body(Envelope.Seal(world.Random("attacker/n2").Bytes(200), world.Pki.Gateway("BrandA").KeyExchange.Chain.Leaf, world.Random("attacker/g"))));
        yield return ("AuthReq with resealed PI", MerchantRequests.AuthReq(world, order, xid, PReqAttacks.ResealedPi(world, preq), world.Pki.Merchant("BrandA")));
        yield return ("AuthReq signed by another merchant", MerchantRequests.AuthReq(world, order, xid, preq, other));
        yield return ("AuthInqReq signed by another merchant", MerchantRequests.AuthInqReq(world, order, xid, other));
        yield return ("AuthRevReq signed by another merchant", MerchantRequests.AuthRevReq(world, order, xid, other));
        var inq = MerchantRequests.AuthInqReq(world, order, xid, world.Pki.Merchant("BrandA"));
        yield return ("AuthInqReq bit flip", inq with { Body = BitFlip.Flip(inq.Body, -40) });
        var rev = MerchantRequests.AuthRevReq(world, order, xid, world.Pki.Merchant("BrandA"));
        yield return ("AuthRevReq bit flip", rev with { Body = BitFlip.Flip(rev.Body, -3) });
    }

    [Check("SET-UNIFORM-FAILURE-GATEWAY", Title = "AuthReq, AuthInqReq and AuthRevReq tampered anywhere, noise, sealed to someone else, over noise, with a resealed PI, or signed by another merchant: byte-identical answers from the gateway, its ledger unchanged",
        Requirements = ["INV-UNIFORM-FAILURE", "INV-BAD-INPUT", "INV-AGREEMENT"], Kind = CheckKind.Example)]
    public static CheckOutcome AtGateway(CheckContext ctx)
    {
        var bad = new BadInput(ctx);
        if (bad.Pay() is not Impl.Protocol.Paid) return CheckOutcome.Fail("the honest purchase did not pay");
        var authReq = bad.World.Network.Requests.Single(m => m.Kind == AuthReqPayload.Kind);
        var preq = PReq.Decode(bad.World.Network.Requests.Single(m => m.Kind == PReq.Kind).Body);
        string Ledger() => string.Join(";", bad.World.Gateway.Ledger.Records.Select(r => $"{r.MerchantId}/{r.LidM}/{r.Status}")) + $" auths={bad.World.Gateway.TotalAuthorizations}";
        var before = Ledger();
        var replies = GatewayProbes(bad.World, authReq, preq).Select(p => (p.Name, Reply: bad.World.Network.SendAsync(p.Request).GetAwaiter().GetResult())).ToList();
        foreach (var (name, reply) in replies) ctx.Log($"{name,-40} {Show(reply)}");
        var distinct = replies.Select(r => Show(r.Reply)).Distinct().ToList();
        if (replies.FirstOrDefault(r => r.Reply.Kind != ErrorMessage.Kind) is { Name: { } accepted }) return CheckOutcome.Fail($"{accepted} was not refused");
        if (distinct.Count != 1) return CheckOutcome.Fail($"{distinct.Count} different answers: {string.Join(" | ", replies.Select(r => $"{r.Name} → {Show(r.Reply)}"))}");
        if (Ledger() != before) return CheckOutcome.Fail($"the gateway's ledger changed: {before} → {Ledger()}");
        return CheckOutcome.Pass($"{replies.Count} probes, one answer {distinct[0]} ({ErrorMessage.Decode(replies[0].Reply.Body)}); ledger unchanged");
    }
}
