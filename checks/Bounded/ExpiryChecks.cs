using FsCheck;
using FsCheck.Fluent;
using MultiWallet.Checks.Catalog;
using MultiWallet.Checks.Generators;
using MultiWallet.Checks.Invariants;
using MultiWallet.Impl.Client;
using MultiWallet.Impl.Client.User;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.Server;
using MultiWallet.Impl.Server.Slave;
using MultiWallet.Impl.World;

namespace MultiWallet.Checks.Bounded;

/// <summary>
/// INV-BOUNDED on the clock, as a property: each generated case opens things in generated ways and abandons them —
/// server-wallet sessions, a master's own sessions, proxied sessions (E7), E8 acquisitions (a master session, an
/// acquired credential and a custodian's release record) and entries of the PC's gate — then moves the world's
/// virtual clock past each lifetime (15 min for sessions, 24 h for release records and accepted orders; never the wall
/// clock), runs each party's housekeeping sweep, and checks every party's StateSize: after the session lifetime the
/// session holders are back to their baseline while the 24 h records are still held (nothing forgotten early), and after
/// 24 h every party is back to its baseline. Cases are sampled from FsCheck generators with <c>Rnd(seed, gamma)</c>, so
/// a seed replays them; classes are the kinds opened and how far past the lifetime the clock went; the property fails
/// when a class was never generated.
/// </summary>
internal static class ExpiryChecks
{
    private enum Opened { WalletSession, OwnSession, ProxiedSession, Acquisition, GateEntry }

    private sealed record ExpiryCase(IReadOnlyList<Opened> Opens, int PastSeconds)
    {
        public override string ToString() => $"open [{string.Join(", ", Opens)}], abandon, clock +lifetime+{PastSeconds}s";
    }

    private static readonly Gen<ExpiryCase> CaseGen =
        from n in Gen.Choose(1, 4)
        from opens in Gen.ListOf(Gen.Elements(Enum.GetValues<Opened>()), n)
        from past in Gen.OneOf(Gen.Choose(1, 59), Gen.Choose(60, 3_600))
        select new ExpiryCase([.. opens], past);

    /// <summary>Cases per run: one per generated scenario of an embodiment, at least 24.</summary>
    private static int CaseCount(CheckContext ctx) => Math.Max(24, ctx.Cases);

    [Check("PROP-BOUNDED-EXPIRY", Title = "sessions, proxied sessions, E8 acquisitions, release records and accepted orders opened in generated ways and abandoned are all gone once the virtual clock passes their lifetimes, and not before",
        Requirements = ["INV-BOUNDED", "INV-CUSTODY", "E7", "E8"], Kind = CheckKind.Property)]
    public static CheckOutcome Expiry(CheckContext ctx) => Run(ctx, null);

    /// <summary>Two worlds on one clock each: E7 (a master proxying to a server wallet) and E8 (a master and a custodian), plus a gate.</summary>
    private sealed class Worlds
    {
        private int next;

        public Worlds(int seed, EmbodimentWorld.Parts? parts)
        {
            E7 = EmbodimentWorld.Build(new PaymentWorld(seed), new TopologyConfig("E7", [new WalletConfig("SSW-1", ["BrandB"])], new WalletConfig(EmbodimentWorld.MasterName, ["BrandA"]))
            {
                Knowledge = new KnowledgeConfig.BrandTable([("SSW-1", ["BrandB"])]),
            }, new ScriptedUser([]), parts);
            E8 = EmbodimentWorld.Build(new PaymentWorld(seed), new TopologyConfig("E8", [new WalletConfig("SSW-2", ["BrandB"])], new WalletConfig(EmbodimentWorld.MasterName, ["BrandA"]))
            {
                Knowledge = new KnowledgeConfig.BrandTable([("SSW-2", ["BrandB"])]),
            }, new ScriptedUser([]), parts);
            Gate = new WakeUpGate(E7.World.Trace, "WUM", E7.World.Clock);
        }

        public EmbodimentWorld E7 { get; }
        public EmbodimentWorld E8 { get; }
        public WakeUpGate Gate { get; }
        private ServerWallet Slave => E7.World.Wallets["SSW-1"];
        private CredentialCustodian Custodian => E8.Custodians["SSW-2"];

        /// <summary>What each party keeps now, after its housekeeping sweep.</summary>
        public IReadOnlyDictionary<string, int> Sizes()
        {
            Slave.SweepExpired(); E7.Master!.SweepExpired(); E8.Master!.SweepExpired(); Custodian.SweepExpired(); Gate.SweepExpired();
            return new Dictionary<string, int>(StringComparer.Ordinal)
            {
                ["SSW-1 (server wallet)"] = Slave.StateSize,
                ["MSW (E7)"] = E7.Master.StateSize,
                ["MSW (E8)"] = E8.Master.StateSize,
                ["SSW-2 (custodian)"] = Custodian.StateSize,
                ["PC gate"] = Gate.StateSize,
            };
        }

        /// <summary>The parties that keep something for 24 h, and how many entries one open adds to each.</summary>
        public static IReadOnlyDictionary<string, int> DayLong(IEnumerable<Opened> opens) => new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["SSW-2 (custodian)"] = opens.Count(o => o == Opened.Acquisition),
            ["PC gate"] = opens.Count(o => o == Opened.GateEntry) * 2,
        };

        /// <summary>Opens one thing and walks away from it.</summary>
        public void Open(Opened what)
        {
            var id = $"X-{++next}";
            switch (what)
            {
                case Opened.GateEntry:
                    Gate.Admit(E7.World.WakeUp(id, "BrandA"));
                    return;
                case Opened.WalletSession:
                    Start(E7.World, "SSW-1", EmbodimentWorld.MasterName, E7.World.WakeUp(id, "BrandB"));
                    return;
                case Opened.OwnSession:
                    Start(E7.World, EmbodimentWorld.MasterName, LoginIssuer.User, E7.World.WakeUp(id, "BrandA"));
                    return;
                case Opened.ProxiedSession:
                    Start(E7.World, EmbodimentWorld.MasterName, LoginIssuer.User, E7.World.WakeUp(id, "BrandB"));
                    return;
                default:
                    Start(E8.World, EmbodimentWorld.MasterName, LoginIssuer.User, E8.World.WakeUp(id, "BrandB"));
                    return;
            }
        }

        /// <summary>Starts a session at <paramref name="wallet"/> under <paramref name="login"/> (the user, or the master at its slave) and walks away.</summary>
        private static void Start(PaymentWorld world, string wallet, string login, byte[] wakeUp) =>
            world.Run(ct => new SessionChannel(world.Network, Address.Pc, Address.ServerWallet(wallet), wallet, login, world.Logins.Key(login, wallet), world.PcLogin.NewSessionId())
                .ExchangeAsync(WalletProtocol.Start, wakeUp, NetMessage.NoFields, ct));

        public void Advance(TimeSpan by)
        {
            E7.World.VirtualTime.Advance(by);
            E8.World.VirtualTime.Advance(by);
        }
    }

    /// <summary>The property in worlds built with <paramref name="parts"/> (a seeded fault's components when not null).</summary>
    internal static CheckOutcome Run(CheckContext ctx, EmbodimentWorld.Parts? parts)
    {
        var seed = (ulong)ctx.Seed + 7;
        var replay = $"({seed},{Campaign.Gamma},{Campaign.Size}) seed={ctx.Seed}";
        // As many cases as the budget: drawn one at a time (the same sequence Gen.Sample gives), none kept.
        var count = CaseCount(ctx);
        var classes = new Dictionary<string, int>(StringComparer.Ordinal);
        var i = -1;
        foreach (var c in SampleStream.Of(CaseGen, new Rnd(seed, Campaign.Gamma), Campaign.Size).Take(count))
        {
            i++;
            foreach (var k in c.Opens.Distinct().Select(o => $"open:{o}").Append(c.PastSeconds < 60 ? "past:under-a-minute" : "past:minutes")) classes[k] = classes.GetValueOrDefault(k) + 1;
            var w = new Worlds(ctx.Seed, parts);
            var baseline = w.Sizes();
            foreach (var o in c.Opens) w.Open(o);
            var opened = w.Sizes();
            if (opened.Values.Sum() - baseline.Values.Sum() < c.Opens.Count)
                return new CheckOutcome { Passed = false, CasesRun = i + 1, Classes = classes, Replay = replay, Message = $"case #{i}: opening kept less than one entry per open ({c}): the case tests nothing", Counterexample = c.ToString() };
            var past = TimeSpan.FromSeconds(c.PastSeconds);
            w.Advance(ServerWallet.SessionLifetime + past);
            var dayLong = Worlds.DayLong(c.Opens);
            var afterSessions = w.Sizes();
            var wrong = afterSessions.Where(kv => kv.Value != baseline[kv.Key] + dayLong.GetValueOrDefault(kv.Key)).Select(kv => $"{kv.Key}: {baseline[kv.Key]} -> {kv.Value} (expected {baseline[kv.Key] + dayLong.GetValueOrDefault(kv.Key)}) after the session lifetime").ToList();
            if (wrong.Count == 0)
            {
                w.Advance(CredentialCustodian.ReleaseMemory - ServerWallet.SessionLifetime);
                var afterDay = w.Sizes();
                wrong = afterDay.Where(kv => kv.Value != baseline[kv.Key]).Select(kv => $"{kv.Key}: {baseline[kv.Key]} -> {kv.Value} after 24 h").ToList();
            }
            if (wrong.Count == 0) continue;
            var what = string.Join("; ", wrong);
            ctx.Log($"case #{i}: {c}\n{what}");
            return new CheckOutcome { Passed = false, CasesRun = i + 1, Classes = classes, Replay = replay, Message = $"case #{i} kept state past its lifetime: {what}", Counterexample = $"{c}\n{what}" };
        }
        var required = Enum.GetValues<Opened>().Select(o => $"open:{o}").Concat(["past:under-a-minute", "past:minutes"]).ToList();
        return ClassifiedOutcome.Of(count, classes, required, replay, $"{count} cases, every party back to its baseline past each lifetime; classes: {ClassifiedOutcome.Render(classes)}");
    }
}
