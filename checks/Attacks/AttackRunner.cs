using System.Text;
using MultiWallet.Checks.Bridge;
using MultiWallet.Impl.Crypto;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.Server;
using MultiWallet.Impl.World;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Attacks;

/// <summary>
/// Executes one attacked scenario: builds the scenario's world with the <see cref="Adversary"/> on its wire, plays the
/// honest steps (the user's wake-ups, world changes) while the attacker plays its events, then collects what the
/// properties judge: the user's outcomes, the merchant's, gateway's and custodians' records, the attacker's closed
/// knowledge against every secret it is not entitled to, and (for session attacks) the outcomes without the attack.
/// </summary>
public static class AttackRunner
{
    /// <summary>
    /// How many variants of a probe are also sent each in a run of its own (the state-independent comparison): the first
    /// four flip the largest (envelope) field at its tag, its DER framing, its ciphertext and its header; the fifth a field of
    /// another kind (a certificate, a signature), which the merchant checks itself where the gateway checks the envelope.
    /// </summary>
    public const int IsolatedVariants = 5;

    /// <summary>
    /// Runs <paramref name="c"/> on <paramref name="transport"/> for <paramref name="seed"/>, in a world built with <paramref name="parts"/>
    /// (the faithful components when null; a seeded attack fault substitutes one); never throws, except for what a
    /// system under test <paramref name="sut"/> (a role of the world, over HTTP) did at the protocol level: a
    /// <see cref="Sut.SutProtocolException"/>, <see cref="Sut.SutHangException"/> or <see cref="Sut.SutUnsupportedException"/>.
    /// </summary>
    public static AttackRun Run(AttackedScenario c, int seed, WorldTransport transport = WorldTransport.InMemory, EmbodimentWorld.Parts? parts = null, Sut.SutClient? sut = null)
    {
        try
        {
            var run = Execute(c, seed, transport, parts, sut: sut);
            if (run.Inconclusive is null && c.Attack.Events.Any(e => e.Kind is AttackKind.SessionRace or AttackKind.SessionHijack or AttackKind.ForgedWakeUp))
            {
                var baseline = Execute(c with { Attack = c.Attack with { Events = [] } }, seed, transport, parts, sut: sut);
                run = run with { Baseline = baseline.Purchases.Select(p => p.Outcome).ToList(), Inconclusive = baseline.Inconclusive };
            }
            if (run.Inconclusive is null && run.Probes.Count > 0)
            {
                // A probe's first variant changes what the next one meets (a gateway refusal closes the order), so the
                // variants are also sent one per run, from the same state: any difference is then the variant's doing.
                var isolated = Enumerable.Range(0, IsolatedVariants).Select(k => Execute(c, seed, transport, parts, k, sut)).ToList();
                var merged = run.Probes.Select((_, i) => (IReadOnlyList<ProbeAnswer>)[.. isolated.Where(r => i < r.Probes.Count).SelectMany(r => r.Probes[i])]).ToList();
                run = run with { IsolatedProbes = merged, Inconclusive = isolated.Select(r => r.Inconclusive).FirstOrDefault(x => x is not null) };
            }
            return run;
        }
        // What a system under test did wrong at the protocol level is its caller's to report, not a crash of ours.
        catch (Exception ex) when (ex is not (Sut.SutProtocolException or Sut.SutHangException or Sut.SutUnsupportedException))
        {
            return new AttackRun(c) { Crash = $"{ex.GetType().Name}: {ex.Message}" };
        }
    }

    private static AttackRun Execute(AttackedScenario c, int seed, WorldTransport transport, EmbodimentWorld.Parts? parts, int? onlyVariant = null, Sut.SutClient? sut = null)
    {
        var t = c.Scenario.Topology;
        var victim = Positions.Victim(t);
        var merchant = Positions.Merchant(c.Scenario.Steps);
        var pki = CryptoWorld.For(seed);
        var knowledge = new AttackerKnowledge(Positions.Keys(c.Attack.Position, pki, victim, merchant));
        Adversary? adversary = null;
        var forgery = c.Attack.Position == AttackPosition.Merchant ? new MerchantForgery(pki, seed, merchant) : null;
        INetwork Tap(TracedNetwork wire) => adversary = new Adversary(wire, c.Attack, victim, Address.MerchantOf(merchant), knowledge, onlyVariant, forgery, Brands(t));
        var built = sut is null ? ImplBuilder.Build(t, c.Scenario.Script, seed, parts, transport, Tap) : ImplBuilder.BuildWithSut(t, c.Scenario.Script, seed, sut, parts, Tap);
        var world = built.World;
        try
        {
            adversary!.State = () => State(world);
            var (purchases, inconclusive) = Play(built, c.Scenario.Steps, adversary);
            int held = 0, heldAtEnd = 0;
            if (built.Embodiment.Master is { } master && world.Time.IsVirtual)
            {
                heldAtEnd = master.AcquiredCredentialsHeld;
                // The bound on a borrowed credential: once a session's lifetime has passed, the master holds none.
                world.VirtualTime.Advance(ServerWallet.SessionLifetime + TimeSpan.FromMinutes(1));
                master.SweepExpired();
                held = master.AcquiredCredentialsHeld;
            }
            // A master played by a SUT: what it reported holding when the last purchase ended (its clock is its own).
            if (built.Sut is { PlaysMaster: true } played) heldAtEnd = played.ReportedHeld ?? 0;
            knowledge.Close();
            var orders = purchases.Select(p => (p.Merchant, p.LidM)).Concat(world.Merchants.SelectMany(m => m.Value.Orders.Keys.Select(l => (m.Key, l)))).Distinct().ToList();
            return new AttackRun(c)
            {
                Inconclusive = inconclusive ?? (world.Time.IsVirtual || world.Wire.EnvironmentFailures == 0 ? null : $"{world.Wire.DescribeEnvironmentFailures()} (environment: inconclusive)"),
                Purchases = purchases,
                Authorizations = [.. world.Gateway.Ledger.Records.Where(r => r.Status == Impl.Set.GatewayStatus.Authorized)],
                AuthorizationsPerOrder = orders.ToDictionary(o => ImplBuilder.Key(o.Item1, o.Item2), o => world.Gateway.Authorizations(o.Item1, o.Item2), StringComparer.Ordinal),
                Orders = world.Merchants.SelectMany(m => m.Value.Orders.Select(o => (Key: ImplBuilder.Key(m.Key, o.Key), o.Value))).ToDictionary(x => x.Key, x => x.Value, StringComparer.Ordinal),
                Releases = Releases(world.Trace),
                HeldAfterBound = held,
                HeldAtEnd = heldAtEnd,
                Leaks = Leaks(c, t, pki, victim, knowledge),
                Known = knowledge.Count,
                Tried = adversary.Tried,
                Probes = adversary.Probes,
                Sessions = adversary.Sessions,
            };
        }
        finally { world.DisposeAsync().AsTask().GetAwaiter().GetResult(); }
    }

    /// <summary>
    /// The brands each wallet of the topology takes: a slave or stand-alone wallet its own; the master (which routes, proxies
    /// or borrows) every brand some wallet of the topology holds.
    /// </summary>
    private static Func<string, IReadOnlyList<string>> Brands(Topology t)
    {
        var wallets = t.Wallets.Append(t.Master).OfType<WalletSpec>().ToList();
        IReadOnlyList<string> any = [.. wallets.SelectMany(w => w.Held).Select(b => b.Name).Distinct().Order(StringComparer.Ordinal)];
        return name => name != t.Master?.Name && wallets.FirstOrDefault(w => w.Name == name) is { Held.Count: > 0 } w ? [.. w.Held.Select(b => b.Name)] : any;
    }

    private static (IReadOnlyList<UserPurchase>, string?) Play(ImplBuilder built, IReadOnlyList<Step> steps, Adversary adversary)
    {
        var purchases = new List<UserPurchase>();
        var last = new Dictionary<OrderId, Step.WakeUp>();
        foreach (var step in steps)
        {
            Step.WakeUp wake;
            if (step is Step.WakeUp w) wake = w;
            else if (step is Step.Replay r) wake = last[r.Order];
            else { built.Apply(step); continue; }
            last[wake.Order] = wake;
            string outcome; string? xid = null, wallet = null;
            try
            {
                var mark = built.World.Trace.Count;
                var o = built.Pay(step, wake);
                if (built.Sut is { } played)
                {
                    // The SUT's answers, forged requests' included, must be ones the contract allows; its decisions are taken in.
                    played.CheckContract();
                    played.Merge(built.World.Trace.Since(mark));
                }
                (outcome, xid, wallet) = o switch { Paid p => ($"Paid({p.Wallet}, {p.Brand})", p.Xid, p.Wallet), Refused f => ($"Refused({f.Reason})", null, f.Wallet), _ => (o.ToString(), null, null) };
                built.World.Run(ct => adversary.AfterWakeUpAsync(ct));
            }
            catch (HangException h) { outcome = $"hang: {h.Reason}"; }
            catch (WallClockLimitException e) { return (purchases, e.Message); }
            purchases.Add(new UserPurchase(wake.Order.LidM, wake.Brand.Name, wake.Amount, outcome, xid, wake.Order.Merchant) { Wallet = wallet });
        }
        return (purchases, null);
    }

    /// <summary>
    /// The observable state an attacker can probe for: every order's state at every merchant (the first merchant's first)
    /// and every record's at the gateway, each order named by <see cref="ImplBuilder.Key(string, string)"/>.
    /// </summary>
    private static string State(PaymentWorld world) =>
        string.Join(";", world.Merchants.OrderBy(m => m.Key != PaymentWorld.MerchantId).ThenBy(m => m.Key, StringComparer.Ordinal)
            .SelectMany(m => m.Value.Orders.Values.OrderBy(o => o.Offer.LidM, StringComparer.Ordinal).Select(o => $"{ImplBuilder.Key(m.Key, o.Offer.LidM)}={o.State}")))
        + "|" + string.Join(";", world.Gateway.Ledger.Records.Select(r => $"{ImplBuilder.Key(r.MerchantId, r.LidM)}={r.Status}"));

    /// <summary>
    /// The order of every release a custodian decided (its <c>CredentialReleased</c> decisions, in trace order). A repeat of
    /// a custody request answered with the release it was first sent (S2: same bytes, same nonce) is not a second release.
    /// </summary>
    private static IReadOnlyList<string> Releases(TraceLog trace) =>
        [.. trace.Events.OfType<DecisionEvent>().Where(d => d.What == TraceDecisions.CredentialReleased)
            .Select(d => d.Detail.TryGetValue("lid-m", out var lid) ? lid : "?")];

    /// <summary>Every card secret and credential key of the topology's wallets the attacker knows without being entitled to it.</summary>
    private static IReadOnlyList<string> Leaks(AttackedScenario c, Topology t, CryptoWorld pki, string victim, AttackerKnowledge knowledge)
    {
        var leaks = new List<string>();
        foreach (var w in t.Wallets.Append(t.Master).OfType<WalletSpec>())
        {
            if (Positions.Entitled(c.Attack.Position, w.Name, victim, t.Traits)) continue;
            foreach (var b in w.Held)
            {
                var cred = pki.Cardholder(w.Name, b.Name);
                foreach (var (label, secret) in new[]
                {
                    ("PAN", Encoding.ASCII.GetBytes(cred.Account.Pan)), ("PANSecret", cred.Account.PanSecret), ("CardSecret", cred.Account.CardSecret),
                    ("private key", cred.Signing.Key.D.ToByteArrayUnsigned()),
                })
                    if (knowledge.Contains(secret)) leaks.Add($"{w.Name}/{b} {label}");
            }
        }
        return leaks;
    }
}
