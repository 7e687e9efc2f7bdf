using MultiWallet.Checks.Catalog;
using MultiWallet.Impl.Client.User;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.Server;
using MultiWallet.Impl.Set;
using MultiWallet.Impl.World;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Sessions;

/// <summary>
/// E8 custody bound to the authenticated user's purchase (docs/THREATS.md, F3): the master acquires a slave's credential
/// only inside a session an authenticated user started, for the order of the wake-up that session pays, and erases it after
/// PRes, after any failure of that purchase, or once its lifetime on the master's clock is over — whichever comes first.
/// </summary>
internal static class CustodyBindingChecks
{
    private static (PaymentWorld World, EmbodimentWorld E) E8(CheckContext ctx)
    {
        var world = new PaymentWorld(ctx.Seed);
        var e = EmbodimentWorld.Build(world, new TopologyConfig("E8", [new WalletConfig("SSW-1", ["BrandB"])], new WalletConfig("MSW", ["BrandA"]))
        {
            Knowledge = new KnowledgeConfig.BrandTable([("SSW-1", ["BrandB"])]),
        }, new ScriptedUser([]));
        return (world, e);
    }

    private static readonly Address Msw = Address.ServerWallet("MSW");

    private static IReadOnlyList<string> Custody(PaymentWorld world, int from) =>
        world.Trace.Since(from).OfType<DecisionEvent>().Select(d => d.What)
            .Where(w => w is TraceDecisions.CredentialReleased or TraceDecisions.CredentialAcquired or TraceDecisions.CredentialErased).ToList();

    [Check("CUSTODY-E8-LOCAL-NEVER-OFFERED", Title = "E8: a local process with no login starting a session at the MSW for an order never offered gets Unauthenticated; no credential is requested, released or held, and the MSW keeps nothing",
        Requirements = ["E8", "C9", "INV-CUSTODY", "INV-SESSION-AUTH", "INV-BAD-INPUT", "INV-BOUNDED"], Embodiments = [Embodiment.E8])]
    public static CheckOutcome LocalNeverOffered(CheckContext ctx)
    {
        var (world, e) = E8(ctx);
        var never = new WakeUp(PaymentWorld.MerchantId, "NEVER-OFFERED", "1 x book", 12_800, "JPY", "BrandB").Encode();
        var info = new ClientInfo(never, [("SSW-1", ["BrandB"])], []).Encode();
        var session = new string('a', 32);
        var size = e.Master!.StateSize;
        var from = world.Trace.Count;
        var attempts = new (string What, NetMessage M)[]
        {
            ("a bare start", Attacker.Bare(Msw, WalletProtocol.Start, never, session, 0)),
            ("a start claiming the user's login, no MAC", Attacker.Bare(Msw, WalletProtocol.Start, never, session, 0, LoginIssuer.User)),
            ("a start claiming the user's login under a guessed key", Attacker.Sealed(Attacker.WrongKey(world), Msw, WalletProtocol.Start, never, session, 0, LoginIssuer.User)),
            ("a start with client information under a guessed key", Attacker.Sealed(Attacker.WrongKey(world), Msw, ClientInfo.StartWithInfo, info, session, 0, LoginIssuer.User)),
            ("a continuation of an unknown session", Attacker.Sealed(Attacker.WrongKey(world), Msw, WalletProtocol.Deliver, never, session, 1, LoginIssuer.User)),
        };
        var failures = new List<string>();
        foreach (var (what, m) in attempts)
        {
            var reason = Attacker.Reason(Attacker.Send(world, m));
            ctx.Log($"{what}: {reason}");
            if (reason != nameof(SessionRejection.Unauthenticated)) failures.Add($"{what}: expected Unauthenticated, got {reason}");
        }
        var custody = Custody(world, from);
        var asked = world.Trace.Since(from).OfType<MessageEvent>().Count(m => m.Kind == CustodyProtocol.Acquire);
        if (asked != 0 || custody.Count != 0) failures.Add($"custody activity for a never-offered order: {asked} request(s), [{string.Join(", ", custody)}]");
        if (e.Custodians["SSW-1"].ReleaseCount != 0 || e.Master.AcquiredCredentialsHeld != 0) failures.Add("a credential was released or is held");
        if (e.Master.StateSize != size) failures.Add($"the MSW keeps {e.Master.StateSize} entries, {size} before");
        // Positive control: the authenticated user's purchase of an offered order does acquire, pay and erase.
        var paid = world.Run(ct => e.PayAsync(world.WakeUp("ORD-1", "BrandB"), ct));
        if (paid is not Paid { Wallet: "MSW", Brand: "BrandB" } || e.Custodians["SSW-1"].ReleaseCount != 1) failures.Add($"the user's own purchase: {paid}, releases {e.Custodians["SSW-1"].ReleaseCount}");
        return failures.Count > 0 ? CheckOutcome.Fail(string.Join("; ", failures))
            : CheckOutcome.Pass($"{attempts.Length} unauthenticated starts rejected, no custody request, nothing kept; the user's own purchase: {paid}, one release");
    }

    [Check("CUSTODY-E8-ERASED-AFTER-FAILURE", Title = "E8: the acquired credential is erased when the purchase fails after the acquisition (merchant unreachable before PReq; gateway declines after it)",
        Requirements = ["E8", "C9", "INV-CUSTODY", "INV-SESSION-AUTH"], Embodiments = [Embodiment.E8])]
    public static CheckOutcome ErasedAfterFailure(CheckContext ctx)
    {
        var failures = new List<string>();
        foreach (var (name, arrange, lid) in new (string, Action<PaymentWorld>, string)[]
        {
            ("merchant unreachable at PInitReq", w => w.Wire.SetDown(Address.Merchant, true), "ORD-1"),
            ("gateway declines", w => w.Gateway.DeclineAbove = 1, "ORD-2"),
        })
        {
            var (world, e) = E8(ctx);
            var wake = world.WakeUp(lid, "BrandB");
            arrange(world);
            var from = world.Trace.Count;
            var outcome = world.Run(ct => e.PayAsync(wake, ct));
            var custody = Custody(world, from);
            ctx.Log($"{name}: {outcome}; [{string.Join(", ", custody)}]");
            if (outcome is Paid) failures.Add($"{name}: paid");
            if (!custody.SequenceEqual([TraceDecisions.CredentialReleased, TraceDecisions.CredentialAcquired, TraceDecisions.CredentialErased]))
                failures.Add($"{name}: custody events [{string.Join(", ", custody)}], expected released, acquired, erased");
            if (e.Master!.AcquiredCredentialsHeld != 0) failures.Add($"{name}: the MSW still holds {e.Master.AcquiredCredentialsHeld} credential(s)");
        }
        return failures.Count > 0 ? CheckOutcome.Fail(string.Join("; ", failures)) : CheckOutcome.Pass("both failed purchases erased their acquired credential");
    }

    [Check("CUSTODY-E8-ERASED-AFTER-LIFETIME", Title = "E8: a session that acquired a credential and never gets a PRes keeps it until its lifetime on the master's clock, not a second longer",
        Requirements = ["E8", "C9", "INV-CUSTODY", "INV-BOUNDED", "INV-SESSION-AUTH"], Embodiments = [Embodiment.E8])]
    public static CheckOutcome ErasedAfterLifetime(CheckContext ctx)
    {
        var (world, e) = E8(ctx);
        var master = e.Master!;
        var baseline = master.StateSize;
        // The user's WUM starts the session (the acquisition happens there) and is never heard of again.
        var channel = new SessionChannel(world.Network, Address.Pc, Msw, "MSW", LoginIssuer.User, world.Logins.Key(LoginIssuer.User, "MSW"), world.PcLogin.NewSessionId());
        var reply = world.Run(ct => channel.ExchangeAsync(WalletProtocol.Start, world.WakeUp("ORD-1", "BrandB"), NetMessage.NoFields, ct));
        if (reply.Field(WalletProtocol.KindField) != PInitReq.Kind || master.AcquiredCredentialsHeld != 1)
            return CheckOutcome.Fail($"the start did not acquire: {reply.Kind}, held {master.AcquiredCredentialsHeld}");
        world.VirtualTime.Advance(ServerWallet.SessionLifetime - TimeSpan.FromSeconds(1));
        master.SweepExpired();
        var before = master.AcquiredCredentialsHeld;
        world.VirtualTime.Advance(TimeSpan.FromSeconds(2));
        master.SweepExpired();
        var after = master.AcquiredCredentialsHeld;
        return before != 1 ? CheckOutcome.Fail($"erased before its lifetime ({before} held 1 s before it ends)")
            : after != 0 ? CheckOutcome.Fail($"{after} credential(s) still held 1 s after the lifetime")
            : master.StateSize != baseline ? CheckOutcome.Fail($"the MSW keeps {master.StateSize} entries after the lifetime, {baseline} before the session")
            : CheckOutcome.Pass($"held 1 s before the {ServerWallet.SessionLifetime.TotalMinutes} min lifetime, erased 1 s after it; MSW back to {baseline} entries");
    }
}
