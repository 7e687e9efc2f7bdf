using MultiWallet.Checks.Bounded;
using MultiWallet.Checks.Catalog;
using MultiWallet.Checks.Recovery;
using MultiWallet.Impl.Crypto;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Parties;
using MultiWallet.Impl.Server;
using MultiWallet.Impl.Server.Master;
using MultiWallet.Impl.World;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Faults;

/// <summary>
/// Wrong components of recovery and bounds, substituted through <see cref="EmbodimentWorld.Parts"/> and
/// <see cref="WorldParts"/> (no switch in impl/). <see cref="Detectable"/> and <see cref="UnderFaults"/> are in
/// <see cref="SeededFaults.All"/>: a generated property catches each (the bounds properties, and
/// PROP-INV-EXACTLY-ONCE-UNDER-FAULTS over the generated fault steps). <see cref="UnderFaults"/> also lists the fixed
/// recovery check each one breaks, which FAULTS-CAUGHT-BY-RECOVERY-CHECKS proves. <see cref="FixedCheckOnly"/> are
/// wrong components that no generated case exercises (the design tolerates them, or only concurrency shows them):
/// only their fixed check catches them, and they are not counted as faults the generated campaign detects.
/// </summary>
public static class RecoveryFaults
{
    /// <summary>A gateway ledger that never finds a record: an identical repeated AuthReq is decided and authorized again.</summary>
    internal sealed class ForgetfulLedger : IGatewayLedger
    {
        private readonly GatewayLedger inner = new();
        public Task<(GatewayRecord Record, bool Fresh)> RecordOnceAsync(string xid, Func<GatewayRecord> decide)
        {
            var made = decide();
            inner.Put(xid, made);
            return Task.FromResult((made, true));
        }
        public bool TryGet(string xid, out GatewayRecord record) => inner.TryGet(xid, out record);
        public void Put(string xid, GatewayRecord record) => inner.Put(xid, record);
        public void CountAuthorization(string merchantId, string lidM, int delta) => inner.CountAuthorization(merchantId, lidM, delta);
        public int Authorizations(string merchantId, string lidM) => inner.Authorizations(merchantId, lidM);
        public int TotalAuthorizations => inner.TotalAuthorizations;
        public IReadOnlyList<GatewayRecord> Records => inner.Records;
    }

    /// <summary>
    /// A ledger whose check-then-act is not atomic: it looks the XID up, then writes the decision through an asynchronous
    /// store (a database round trip) before recording it, so two copies handled at once both find nothing and both decide.
    /// </summary>
    internal sealed class SplitLedger(ITimeSource time) : IGatewayLedger
    {
        private readonly GatewayLedger inner = new();
        public async Task<(GatewayRecord Record, bool Fresh)> RecordOnceAsync(string xid, Func<GatewayRecord> decide)
        {
            if (inner.TryGet(xid, out var known)) return (known, false);
            await time.Delay(TimeSpan.FromMilliseconds(1)).ConfigureAwait(false);
            var made = decide();
            inner.Put(xid, made);
            return (made, true);
        }
        public bool TryGet(string xid, out GatewayRecord record) => inner.TryGet(xid, out record);
        public void Put(string xid, GatewayRecord record) => inner.Put(xid, record);
        public void CountAuthorization(string merchantId, string lidM, int delta) => inner.CountAuthorization(merchantId, lidM, delta);
        public int Authorizations(string merchantId, string lidM) => inner.Authorizations(merchantId, lidM);
        public int TotalAuthorizations => inner.TotalAuthorizations;
        public IReadOnlyList<GatewayRecord> Records => inner.Records;
    }

    /// <summary>Every hop waits the base timeout: the client gives up on the merchant exactly when the merchant gives up on the gateway.</summary>
    private sealed class EqualHops : IHopTimeouts
    {
        public TimeSpan For(NetMessage request, TimeSpan baseTimeout) => baseTimeout;
    }

    /// <summary>A merchant journal that keeps every message, rejected ones included, without bound.</summary>
    private sealed class KeepEverything : IMessageJournal
    {
        private readonly List<NetMessage> kept = [];
        private readonly Lock gate = new();
        public void Accepted(NetMessage message) { lock (gate) kept.Add(message); }
        public void Rejected(NetMessage message) { lock (gate) kept.Add(message); }
        public IReadOnlyList<NetMessage> Messages { get { lock (gate) return [.. kept]; } }
    }

    /// <summary>A session table whose entries never expire (it ignores the clock).</summary>
    private sealed class NeverExpiring<TValue> : IExpiringTable<string, TValue>
    {
        private readonly Dictionary<string, TValue> entries = new(StringComparer.Ordinal);
        public TimeSpan Lifetime => TimeSpan.MaxValue;
        public int Count => entries.Count;
        public IReadOnlyList<KeyValuePair<string, TValue>> Sweep() => [];
        public bool ContainsKey(string key) => entries.ContainsKey(key);
        public bool TryGet(string key, out TValue value) => entries.TryGetValue(key, out value!);
        public bool TryAdd(string key, TValue value) => entries.TryAdd(key, value);
        public bool Remove(string key) => entries.Remove(key);
    }

    /// <summary>
    /// E8: erasure deferred to the next acquisition: Erase reports success and the credential is dropped only when another
    /// one is held, so the credential of an abandoned purchase outlives its session's lifetime when no purchase follows.
    /// </summary>
    private sealed class DeferredErasure(IClock clock) : IAcquiredCredentials
    {
        private readonly AcquiredCredentials inner = new(clock);
        private readonly Dictionary<string, CardholderCredential> kept = new(StringComparer.Ordinal);
        private readonly List<string> doomed = [];
        public void Hold(string session, CardholderCredential credential)
        {
            foreach (var s in doomed) kept.Remove(s);
            doomed.Clear();
            kept[session] = credential;
            inner.Hold(session, credential);
        }
        public bool Erase(string session)
        {
            if (!kept.ContainsKey(session)) return false;
            doomed.Add(session);
            return true;
        }
        public int Count => kept.Count;
    }

    private static EmbodimentWorld.Parts World(WorldParts w) => new() { World = w };

    private static (string, Func<CheckContext, EmbodimentWorld.Parts, CheckOutcome>) Expiry => ("PROP-BOUNDED-EXPIRY", (ctx, p) => ExpiryChecks.Run(ctx, p));

    /// <summary>Faults a generated property of this branch catches (part of <see cref="SeededFaults.All"/>).</summary>
    public static readonly IReadOnlyList<SeededFault> Detectable =
    [
        new("FAULT-E6-SESSION-NEVER-EXPIRES", Embodiment.E6, "server wallets keep their sessions in a table that never expires: an abandoned purchase's session stays for ever", ["INV-BOUNDED"],
            World(new WorldParts { WalletSessions = (_, _) => new NeverExpiring<CardholderPurchase>() })) { Detector = Expiry },
        new("FAULT-E8-MSW-KEEPS-CREDENTIAL-PAST-LIFETIME", Embodiment.E8, "E8 MSW defers erasing an acquired credential to its next acquisition: an abandoned purchase's credential outlives its session", ["INV-BOUNDED", "INV-CUSTODY"],
            new() { AcquiredCredentials = () => new DeferredErasure(new FixedClock()) }) { Detector = Expiry },
        new("FAULT-E3-MERCHANT-RETAINS-REJECTED", Embodiment.E3, "the merchant keeps every message it receives, rejected bodies included, without bound", ["INV-BOUNDED", "INV-BAD-INPUT"],
            World(new WorldParts { MerchantJournal = () => new KeepEverything() })) { Detector = ("PROP-BOUNDED-REJECTED-INPUT-POS", (ctx, p) => BoundedChecks.PosKeepsNothingWith(ctx, p.World)) },
    ];

    /// <summary>Faults that show only under network faults, with the fixed check of checks/Recovery each one also breaks.</summary>
    public static readonly IReadOnlyList<(SeededFault Fault, string CaughtBy)> UnderFaults =
    [
        (new("FAULT-E1-GATEWAY-NOT-IDEMPOTENT", Embodiment.E1, "the gateway authorizes an identical repeated AuthReq again", ["INV-EXACTLY-ONCE-UNDER-FAULTS", "INV-ONCE"],
            World(new WorldParts { GatewayLedger = _ => new ForgetfulLedger() })), "RECOVERY-AUTHREQ-DUPLICATED"),
        (new("FAULT-E2-MERCHANT-REOPENS-UNKNOWN", Embodiment.E2, "the merchant re-opens an order whose AuthReq got no answer (back to Initiated) although the gateway may have authorized", ["INV-EXACTLY-ONCE-UNDER-FAULTS"],
            World(new WorldParts { OrderResolution = new OrderResolution(ReopensUnknown: true, ResolvesBeforeAnswering: true) })), "RECOVERY-AUTHRES-LATE"),
        (new("FAULT-E9-MERCHANT-ANSWERS-UNRESOLVED", Embodiment.E9, "the merchant answers an inquiry about an AuthorizationUnknown order without asking the gateway (Cancelled)", ["INV-EXACTLY-ONCE-UNDER-FAULTS"],
            World(new WorldParts { OrderResolution = new OrderResolution(ReopensUnknown: false, ResolvesBeforeAnswering: false) })), "RECOVERY-AUTHRES-LATE"),
        (new("FAULT-E5-WALLET-NEVER-INQUIRES", Embodiment.E5, "server wallets never inquire: a purchase whose PRes is lost ends 'outcome unknown' at once", ["INV-EXACTLY-ONCE-UNDER-FAULTS"],
            World(new WorldParts { WalletInquiries = 0 })), "RECOVERY-PRES-LOST"),
        // Generated since two copies of an AuthReq in flight at once are a fault kind (Concurrent@AuthReq).
        (new("FAULT-E7-GATEWAY-XID-NOT-ATOMIC", Embodiment.E7, "the gateway looks an XID up and records its decision in two steps: two copies handled at once both authorize", ["INV-EXACTLY-ONCE-UNDER-FAULTS", "INV-ONCE"],
            World(new WorldParts { GatewayLedger = w => new SplitLedger(w.VirtualTime) })), "RECOVERY-AUTHREQ-CONCURRENT"),
    ];

    private static readonly HashSet<string> EveryWallet = [.. Enumerable.Range(1, 9).SelectMany(i => new[] { $"SW-{i}", $"SSW-{i}" }), EmbodimentWorld.MasterName];

    /// <summary>
    /// Parties that come back from a crash with nothing persisted (<see cref="WorldParts.Amnesiac"/>): caught by
    /// PROP-INV-EXACTLY-ONCE-UNDER-FAULTS over the generated crash steps (part of <see cref="SeededFaults.All"/>).
    /// </summary>
    public static readonly IReadOnlyList<SeededFault> UnderCrashes =
    [
        new("FAULT-E3-MERCHANT-FORGETS-ORDERS", Embodiment.E3, "a restarted merchant reads back no order table: an order paid before the crash is unknown to it", ["INV-EXACTLY-ONCE-UNDER-FAULTS"],
            World(new WorldParts { Amnesiac = new HashSet<string> { PaymentWorld.MerchantParty } })),
        new("FAULT-E11-WALLETS-FORGET-PURCHASES", Embodiment.E11, "restarted wallets (master and slaves) read back no transaction log: a purchase whose PReq left is 'unknown session' while the merchant is paid", ["INV-EXACTLY-ONCE-UNDER-FAULTS"],
            World(new WorldParts { Amnesiac = EveryWallet })),
        new("FAULT-E4-PC-FORGETS-SESSIONS", Embodiment.E4, "a restarted user PC reads back nothing (no open session, no unknown outcome, no accepted order): a purchase whose PReq left while the PC died is never taken up, and the user is told 'not paid' while the merchant is paid", ["INV-EXACTLY-ONCE-UNDER-FAULTS"],
            World(new WorldParts { Amnesiac = new HashSet<string> { EmbodimentWorld.PcParty } })),
    ];

    /// <summary>
    /// Wrong components only a fixed check shows. Equal waits at every hop: the client may give up before the merchant
    /// reports a gateway timeout, but the wallet's inquiry (and the PC's on heal) still brings the right final answer,
    /// so exactly-once holds and no generated property can tell; RECOVERY-HOP-TIMEOUTS pins the nesting.
    /// </summary>
    public static readonly IReadOnlyList<(SeededFault Fault, string CaughtBy)> FixedCheckOnly =
    [
        (new("FAULT-E12-EQUAL-HOP-TIMEOUTS", Embodiment.E12, "every hop waits the same timeout: the client gives up before the merchant can report a gateway timeout", ["INV-EXACTLY-ONCE-UNDER-FAULTS"],
            World(new WorldParts { Hops = new EqualHops() })), "RECOVERY-HOP-TIMEOUTS"),
    ];

    private static readonly Dictionary<string, Func<CheckContext, WorldParts?, CheckOutcome>> FixedChecks = new(StringComparer.Ordinal)
    {
        ["RECOVERY-AUTHREQ-DUPLICATED"] = RecoveryChecks.AuthReqDuplicatedWith,
        ["RECOVERY-AUTHREQ-CONCURRENT"] = RecoveryChecks.AuthReqConcurrentWith,
        ["RECOVERY-AUTHRES-LATE"] = RecoveryChecks.AuthResLateWith,
        ["RECOVERY-PRES-LOST"] = RecoveryChecks.PResLostWith,
        ["RECOVERY-HOP-TIMEOUTS"] = RecoveryChecks.HopTimeoutsNestWith,
    };

    [Check("FAULTS-CAUGHT-BY-RECOVERY-CHECKS", Title = "each recovery fault (and each one only the structure shows) makes its fixed recovery check fail, while the same check passes on the faithful world",
        Requirements = ["INV-EXACTLY-ONCE-UNDER-FAULTS", "INV-ONCE"], Kind = CheckKind.Fault)]
    public static CheckOutcome CaughtByRecoveryChecks(CheckContext ctx)
    {
        var rows = UnderFaults.Concat(FixedCheckOnly).Select(a =>
        {
            var faithful = FixedChecks[a.CaughtBy](ctx, null);
            var faulty = FixedChecks[a.CaughtBy](ctx, a.Fault.Parts.World);
            return (a.Fault.Id, a.CaughtBy, Caught: faithful.Passed && !faulty.Passed, Why: faulty.Message);
        }).ToList();
        ctx.Log(string.Join("\n", rows.Select(r => $"{r.Id} | {r.CaughtBy} | {(r.Caught ? "caught" : "MISSED")} | {r.Why}")));
        var missed = rows.Where(r => !r.Caught).Select(r => r.Id).ToList();
        return new CheckOutcome
        {
            Passed = missed.Count == 0,
            CasesRun = rows.Count * 2,
            Message = missed.Count == 0 ? $"{rows.Count}/{rows.Count} recovery faults caught by their fixed checks: {string.Join("; ", rows.Select(r => $"{r.Id} by {r.CaughtBy} ({r.Why})"))}" : $"missed: {string.Join(", ", missed)}",
        };
    }
}
