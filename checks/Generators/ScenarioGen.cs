using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using MultiWallet.Checks.Bridge;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Generators;

/// <summary>
/// FsCheck generators (FsCheck.Fluent, composed) for topologies, user scripts and step sequences per embodiment,
/// and a shrinker (drop a step, drop a wallet, drop an answer, simplify brands and defects).
/// </summary>
public static class ScenarioGen
{
    public static readonly Brand[] Five = [Brand.BrandA, Brand.BrandB, Brand.BrandC, Brand.BrandD, Brand.BrandE];
    public static readonly Brand Unknown = new("BrandZ");
    private static readonly ImmutableSortedSet<Brand> NoBrands = Brands.None;

    private static Gen<ImmutableSortedSet<Brand>> BrandSet(int max) =>
        Gen.Choose(0, max).SelectMany(n => Gen.Shuffle(Five).Select(a => ImmutableSortedSet.CreateRange(a.Take(n))));

    private static Gen<T> Freq<T>(params (int W, Gen<T> G)[] xs) => Gen.Frequency(xs.Select(x => (x.W, x.G)).ToArray());

    public static Gen<Topology> Topology(Embodiment e)
    {
        var master = EmbodimentTraits.Of(e).IsMasterSlave;
        return from n in Gen.Choose(1, master ? 5 : 6)
               from held in Gen.ArrayOf(BrandSet(3), n)
               from lies in Gen.ArrayOf(Freq((8, Gen.Constant(false)), (2, Gen.Constant(true))), n)
               from lieSets in Gen.ArrayOf(BrandSet(3), n)
               from down in Gen.ArrayOf(Freq((9, Gen.Constant(false)), (1, Gen.Constant(true))), n)
               from mswHeld in BrandSet(2)
               from staleSets in Gen.ArrayOf(BrandSet(3), n)
               from stale in Gen.ArrayOf(Freq((7, Gen.Constant(false)), (3, Gen.Constant(true))), n)
               let beliefs = held.Select((h, i) => stale[i] ? staleSets[i] : h).ToArray()
               from keep in Gen.ArrayOf(Freq((9, Gen.Constant(true)), (1, Gen.Constant(false))), n)
               from ghost in Freq((9, Gen.Constant(false)), (1, Gen.Constant(true)))
               from version in Gen.Choose(1, 3)
               select Build(e, n, held, lies, lieSets, down, mswHeld, beliefs, keep, ghost, version);
    }

    private static Topology Build(Embodiment e, int n, ImmutableSortedSet<Brand>[] held, bool[] lies, ImmutableSortedSet<Brand>[] lieSets, bool[] down,
        ImmutableSortedSet<Brand> mswHeld, ImmutableSortedSet<Brand>[] beliefs, bool[] keep, bool ghost, int version)
    {
        var traits = EmbodimentTraits.Of(e);
        var master = traits.IsMasterSlave;
        string Name(int i) => master ? WalletNames.Ssw(i + 1) : WalletNames.Sw(i + 1);
        var liveQueries = traits.Holder == KnowledgeHolder.LiveQuery;
        // A master's slaves and custodians may accept and never answer (DECISIONS.md S4). Their brand information is never
        // queried live, so the draw of a lying advertisement decides it there (a lie with three brands, about one slave in
        // twenty): no other draw changes, and a case without a silent slave is the one it was.
        bool Silent(int i) => master && !down[i] && lies[i] && lieSets[i].Count == 3;
        var wallets = Enumerable.Range(0, n).Select(i => new WalletSpec(Name(i), held[i], liveQueries && lies[i] ? lieSets[i] : held[i], down[i]) { Silent = Silent(i) }).ToList();
        var ghostName = master ? WalletNames.Ssw(9) : WalletNames.Sw(9);
        var listed = Enumerable.Range(0, n).Where(i => keep[i]).ToList();
        var table = listed.ToImmutableDictionary(i => Name(i), i => beliefs[i]);
        if (ghost) table = table.SetItem(ghostName, Brands.Of(Five));
        var names = listed.Select(Name).Concat(ghost ? [ghostName] : []).ToList();
        var t = new Topology(e, wallets, master ? WalletSpec.Honest(WalletNames.Msw, [.. mswHeld]) : null);
        return t with
        {
            Knowledge = traits.Knowledge switch
            {
                KnowledgeKind.BrandTable => new Knowledge.BrandTable(table),
                KnowledgeKind.InstalledWums => new Knowledge.InstalledWums(listed.ToImmutableDictionary(i => Name(i), i => new WumInstall(version, beliefs[i]))),
                KnowledgeKind.SswList => new Knowledge.SswList(names),
                _ => Knowledge.None,
            },
        };
    }

    /// <summary>The merchant ids a generated world may have: the first is the implementation's one merchant of a plain world.</summary>
    public static readonly string[] MerchantIds = [ImplBuilder.Merchant, "SHOP-2", "SHOP-3"];

    /// <summary>The per-merchant decline limit a generated second or third merchant may have (about half the amounts generated).</summary>
    public const long MerchantDeclineAbove = 25_000;

    /// <summary>At most this many wake-ups are drawn per case (<see cref="Wakes"/>).</summary>
    public const int MaxWakes = 4;

    /// <summary>
    /// Several merchants (DECISIONS.md, "Several merchants"): most worlds keep one merchant; about one in four has two and one
    /// in ten three, and then the last may decline above <see cref="MerchantDeclineAbove"/> (its own agreement with the
    /// acquirer), and each wake-up is at one of them, so every invariant is judged per merchant too. Sampled from a stream
    /// of its own (<see cref="Invariants.Campaign.MerchantStream"/>): a one-merchant world is the case the campaign's stream drew.
    /// </summary>
    public static readonly Gen<MerchantPlan> Merchants =
        from n in Freq((13, Gen.Constant(1)), (5, Gen.Constant(2)), (2, Gen.Constant(3)))
        from limited in Freq((2, Gen.Constant(false)), (1, Gen.Constant(true)))
        from picks in Gen.ArrayOf(Gen.Choose(0, n - 1), MaxWakes)
        select new MerchantPlan(n, limited, picks);

    public static Gen<UserScript> Script(Topology t)
    {
        var names = t.Wallets.Select(w => w.Name).ToArray();
        var ghost = t.Traits.IsMasterSlave ? "SSW-9" : "SW-9";
        var pick = Freq(
            (6, Gen.Elements(names).Select(n => (UserAnswer)new UserAnswer.Pick(n))),
            (1, Gen.Constant((UserAnswer)new UserAnswer.Pick(ghost))),
            (1, Gen.Constant(UserAnswer.Nothing)));
        var address = Freq(
            (6, Gen.Elements(names).Select(n => (UserAnswer)new UserAnswer.TypeAddress("ssw://" + n))),
            (2, Gen.Constant((UserAnswer)new UserAnswer.TypeAddress("ssw://" + ghost))),
            (1, Gen.Constant((UserAnswer)new UserAnswer.TypeAddress("ssw://MSW"))),
            (1, Gen.Elements(names).Select(n => (UserAnswer)new UserAnswer.TypeAddress(n))),
            (1, Gen.Constant((UserAnswer)new UserAnswer.TypeAddress(""))));
        var answer = t.Traits.Asks == UserPrompt.TypedAddress ? address : pick;
        var pre = Freq((8, Gen.Elements(names).Select(n => (string?)n)), (1, Gen.Constant((string?)null)), (1, Gen.Constant((string?)ghost)));
        return from p in pre
               from k in Gen.Choose(0, 4)
               from answers in Gen.ListOf(answer, k)
               select new UserScript(t.Traits.Asks == UserPrompt.AtSetUp ? p : null, answers.ToList());
    }

    public static Gen<IReadOnlyList<WakeDraw>> Wakes(Topology t)
    {
        var held = t.Wallets.SelectMany(w => w.Held).Concat(t.Master?.Held ?? []).Distinct().ToArray();
        var brand = held.Length == 0
            ? Freq((19, Gen.Elements(Five)), (1, Gen.Constant(Unknown)))
            : Freq((12, Gen.Elements(held)), (7, Gen.Elements(Five)), (1, Gen.Constant(Unknown)));
        var defect = Freq(
            (16, Gen.Constant(WakeUpDefect.None)),
            (1, Gen.Constant(WakeUpDefect.Missing)),
            (3, Gen.Elements(Enum.GetValues<TamperSite>()).Select(s => (WakeUpDefect)new WakeUpDefect.Tampered(s))));
        var names = t.Wallets.Select(w => w.Name).ToArray();
        // Slaves that only keep credentials in custody are not re-certified mid-run.
        var changeable = t.Traits.AcquiresCredential ? [] : names;
        var between = new List<(int, Gen<Step?>)> { (12, Gen.Constant((Step?)null)) };
        between.Add((2, from w in Gen.Elements(names) from d in Gen.Elements(true, false) select (Step?)new Step.SetDown(w, d)));
        if (changeable.Length > 0)
            between.Add((2, from w in Gen.Elements(changeable)
                            from h in BrandSet(3)
                            from lie in Freq((3, Gen.Constant(false)), (1, Gen.Constant(true)))
                            from a in BrandSet(3)
                            select (Step?)new Step.ChangeBrands(w, h, t.Traits.Holder == KnowledgeHolder.LiveQuery && lie ? a : h)));
        if (t.Traits.Knowledge == KnowledgeKind.InstalledWums)
            between.Add((4, from w in Gen.Elements(names) from v in Gen.Choose(2, 5) from b in BrandSet(3) select (Step?)new Step.InstallWum(w, v, b)));
        var betweenGen = Gen.Frequency(between.ToArray());
        return from k in Gen.Choose(1, MaxWakes)
               from wakes in Gen.ListOf(from b in brand
                                        from d in defect
                                        from amount in Gen.Choose(1, 50_000)
                                        from replay in Freq((4, Gen.Constant(false)), (1, Gen.Constant(true)))
                                        from pre in betweenGen
                                        from faults in FaultsFor(t.Traits, t.Master?.Held ?? NoBrands)
                                        from healNow in Freq((3, Gen.Constant(true)), (1, Gen.Constant(false)))
                                        select new WakeDraw(b, d, amount, replay, pre, faults, healNow), k)
               select (IReadOnlyList<WakeDraw>)[.. wakes];
    }

    /// <summary>The purchase's own hops a primary fault hits.</summary>
    public static readonly FaultPosition[] Primary = [FaultPosition.PInitReq, FaultPosition.PReq, FaultPosition.AuthReq];

    /// <summary>The recovery hops a second fault hits (reached only when the first made someone inquire).</summary>
    public static readonly FaultPosition[] Recovery = [FaultPosition.InqReq, FaultPosition.AuthInqReq, FaultPosition.AuthRevReq];

    private static readonly Gen<FaultKind> Kind = Gen.Elements(FaultKind.Drop, FaultKind.Delay, FaultKind.Duplicate);

    /// <summary>The hops two copies of one request are generated in flight at the same time on (M9 at the merchant, G1 at the gateway).</summary>
    public static readonly FaultPosition[] ConcurrentAt = [FaultPosition.PReq, FaultPosition.AuthReq];

    /// <summary>
    /// The wallet-session and custody hops an embodiment has (DECISIONS.md S1–S3): the PC's session start and its PRes
    /// delivery everywhere; E5/E6 the live brand query; E7, E9–E12 the master's proxied start and PRes delivery to a slave;
    /// E8 the master's credential request to the custodian.
    /// </summary>
    public static IReadOnlyList<FaultPosition> SessionHops(EmbodimentTraits traits) =>
    [
        FaultPosition.WalletStart, FaultPosition.WalletDeliver,
        .. traits.Holder == KnowledgeHolder.LiveQuery ? [FaultPosition.BrandQuery] : Array.Empty<FaultPosition>(),
        .. traits.IsMasterSlave && !traits.AcquiresCredential ? [FaultPosition.SlaveStart, FaultPosition.SlaveDeliver] : Array.Empty<FaultPosition>(),
        .. traits.AcquiresCredential ? [FaultPosition.Custody] : Array.Empty<FaultPosition>(),
    ];

    /// <summary>
    /// Faults armed before an honest wake-up: none (most often); one on a purchase hop; a fault on a recovery hop behind
    /// the faults that make the purchase reach it (an inquiry behind a lost PReq answer or a lost AuthReq, an authorization
    /// inquiry behind a lost AuthRes, a reversal behind that and a lost authorization inquiry); every inquiry lost
    /// behind a late AuthRes (the wallet reports "outcome unknown"; only a heal tells the user); or a duplicated PReq
    /// whose AuthReq is lost (the copy meets an order whose authorization is unknown).
    /// </summary>
    private static readonly Gen<IReadOnlyList<Step>> Faults =
        from primary in from k in Kind from at in Gen.Elements(Primary) select new Step.Fault(k, at)
        from recovery in from k in Kind from at in Gen.Elements(Recovery) select new Step.Fault(k, at)
        from lost in Gen.Elements(FaultKind.Drop, FaultKind.Delay)
        from hop in Gen.Elements(FaultPosition.PReq, FaultPosition.AuthReq)
        from shape in Freq((16, Gen.Constant(0)), (6, Gen.Constant(1)), (4, Gen.Constant(2)), (2, Gen.Constant(3)), (1, Gen.Constant(4)))
        select shape switch
        {
            0 => (IReadOnlyList<Step>)[],
            1 => [primary],
            4 => [new Step.Fault(FaultKind.Duplicate, FaultPosition.PReq), new Step.Fault(lost, FaultPosition.AuthReq)],
            2 => [.. Reaching(recovery.At, lost, hop), recovery],
            _ => [new Step.Fault(FaultKind.Delay, FaultPosition.AuthReq), .. Enumerable.Repeat(new Step.Fault(FaultKind.Drop, FaultPosition.InqReq), 3)],
        };

    /// <summary>
    /// The crash points generated on an embodiment (DECISIONS.md, crash rows): the merchant once its PReq or its AuthReq was
    /// handled, the gateway once its AuthReq was, the PC's wallet once its PReq was handled at the merchant (and, E1–E6, its
    /// PInitReq), (E7, E9–E12) the slave running a proxied session once its PReq was handled, and the user PC once each
    /// request it sends in a purchase was handled: its session start and its Deliver of the PRes at the wallet, its PInitReq
    /// and its PReq at the merchant.
    /// </summary>
    public static IReadOnlyList<Step.Crash> CrashPoints(EmbodimentTraits traits) =>
    [
        .. traits.AcquiresCredential ? new[] { new Step.Crash(CrashParty.Custodian, FaultPosition.Custody) } : [],
        new(CrashParty.Merchant, FaultPosition.PReq), new(CrashParty.Merchant, FaultPosition.AuthReq), new(CrashParty.Gateway, FaultPosition.AuthReq),
        new(CrashParty.Wallet, FaultPosition.PReq),
        .. traits.IsMasterSlave ? [] : new[] { new Step.Crash(CrashParty.Wallet, FaultPosition.PInitReq) },
        .. traits.IsMasterSlave && !traits.AcquiresCredential ? new[] { new Step.Crash(CrashParty.Slave, FaultPosition.PReq) } : [],
        .. PcCrashPoints,
    ];

    /// <summary>The user PC's crash points (every embodiment): once its session start, PInitReq, PReq or PRes Deliver was handled.</summary>
    public static readonly IReadOnlyList<Step.Crash> PcCrashPoints =
        [.. new[] { FaultPosition.WalletStart, FaultPosition.PInitReq, FaultPosition.PReq, FaultPosition.WalletDeliver }.Select(at => new Step.Crash(CrashParty.Pc, at))];

    /// <summary>
    /// The network faults of <see cref="Faults"/>, or (about one faulted wake-up in six) one crash alone (a PC crash in about one of four), or one fault on
    /// a wallet-session or custody hop alone, or two copies of a PReq or an AuthReq in flight at once. A slave's crash, and
    /// a fault on a slave's or the custodian's hop, are weighted up: they fire only when the master proxies the purchase or
    /// acquires a credential for it (not when it pays itself).
    /// </summary>
    private static Gen<IReadOnlyList<Step>> FaultsFor(EmbodimentTraits traits, ImmutableSortedSet<Brand> masterHeld)
    {
        // The PC's four points together weigh as two of the others: each other party's point keeps its share of the crashes.
        var points = CrashPoints(traits).SelectMany(c => Enumerable.Repeat(c, c.Party switch { CrashParty.Slave or CrashParty.Custodian => 6, CrashParty.Pc => 1, _ => 2 })).ToArray();
        var hops = SessionHops(traits).SelectMany(h => Enumerable.Repeat(h, BehindMaster(h) ? 2 : 1)).ToArray();
        var session = from k in Kind from at in Gen.Elements(hops) select (IReadOnlyList<Step>)[new Step.Fault(k, at)];
        var concurrent = Gen.Elements(ConcurrentAt).Select(at => (IReadOnlyList<Step>)[new Step.Fault(FaultKind.Concurrent, at)]);
        return Freq((25, Faults), (6, Gen.Elements(points).Select(c => (IReadOnlyList<Step>)[c])), (5, session), (2, concurrent));
    }

    /// <summary>A hop reached only when the master does not pay itself: its proxied session or its credential request.</summary>
    public static bool BehindMaster(FaultPosition at) => at is FaultPosition.SlaveStart or FaultPosition.SlaveDeliver or FaultPosition.Custody;

    /// <summary>A fault step or crash that fires only behind the master (<see cref="BehindMaster"/>, a slave's or the custodian's crash).</summary>
    private static bool OnlyBehindMaster(Step s) => s is Step.Fault f && BehindMaster(f.At) || s is Step.Crash { Party: CrashParty.Slave or CrashParty.Custodian };

    /// <summary>The faults that make a purchase send a request at the recovery hop <paramref name="at"/>.</summary>
    private static IReadOnlyList<Step.Fault> Reaching(FaultPosition at, FaultKind lost, FaultPosition hop) => at switch
    {
        FaultPosition.InqReq => [new Step.Fault(lost, hop)],
        FaultPosition.AuthInqReq => [new Step.Fault(lost, FaultPosition.AuthReq)],
        _ => [new Step.Fault(FaultKind.Delay, FaultPosition.AuthReq), new Step.Fault(FaultKind.Drop, FaultPosition.AuthInqReq)],
    };

    // LID-Ms are numbered across merchants (L1, L2, ...), so no two orders of a generated case share one; a file may reuse them.
    private static IReadOnlyList<Step> Assemble(IReadOnlyList<WakeDraw> wakes, Func<int, string> merchantOf, ImmutableSortedSet<Brand> masterHeld,
        Func<string, Brand, long, bool> declined)
    {
        var steps = new List<Step>();
        var orders = new List<OrderId>();
        var unhealed = false;
        for (var i = 0; i < wakes.Count; i++)
        {
            var (b, d, amount, replay, pre, faults, healNow) = wakes[i];
            var m = merchantOf(i);
            if (pre is not null) steps.Add(pre);
            if (replay && orders.Count > 0) steps.Add(new Step.Replay(orders[^1]));
            else
            {
                var o = new OrderId(m, $"L{orders.Count + 1}");
                orders.Add(o);
                // Faults only before an honest wake-up: the fault rules are written for honest purchases.
                // A slave crash only in a purchase the master cannot pay itself (it may then proxy it to a slave).
                // Nor before a purchase the gateway declines: the fault rules (model/Machines/FaultedExchange) are written for approved ones.
                var faulted = faults.Count > 0 && d is WakeUpDefect.NoDefect && b.IsKnown && !declined(m, b, amount)
                    && !(faults is [var only] && OnlyBehindMaster(only) && masterHeld.Contains(b));
                if (faulted) steps.AddRange(faults);
                steps.Add(new Step.WakeUp(o, b, amount, d));
                if (faulted && healNow) steps.Add(new Step.Heal());
                else unhealed |= faulted;
                if (d is WakeUpDefect.MissingField || !b.IsKnown)
                {
                    // INV-BAD-INPUT "changes nothing": refused at the entry point, the order was not consumed, so an
                    // honest retry of the SAME order must behave as if the bad wake-up never happened.
                    steps.Add(new Step.WakeUp(o, b.IsKnown ? b : Brand.BrandA, amount, WakeUpDefect.None));
                }
                else if (d is not WakeUpDefect.NoDefect)
                {
                    // A tampered purchase did consume its order (PInitReq went out): the honest retry is a fresh order.
                    var retry = new OrderId(m, $"L{orders.Count + 1}");
                    orders.Add(retry);
                    steps.Add(new Step.WakeUp(retry, b, amount, WakeUpDefect.None));
                }
            }
        }
        // Every fault heals in the end: a heal deferred past later wake-ups comes last.
        if (unhealed) steps.Add(new Step.Heal());
        return steps;
    }

    /// <summary>A case's draws from the campaign's stream: a one-merchant world, its user script, its wake-ups.</summary>
    public static Gen<ScenarioDraft> Draft(Embodiment e) =>
        from t in Topology(e)
        from s in Script(t)
        from wakes in Wakes(t)
        select new ScenarioDraft(t, s, wakes);

    /// <summary>
    /// The case of <paramref name="d"/> with its merchants placed: the topology names them and their limits, each order is at
    /// its wake-up's merchant, and no fault is armed before a purchase the gateway declines. With one merchant, the case is
    /// the one its draws make without merchants.
    /// </summary>
    public static GeneratedScenario Place(ScenarioDraft d, MerchantPlan p)
    {
        var t = p.Count == 1 ? d.Topology : d.Topology with { Merchants = p.Merchants, DeclineAboveByMerchant = p.DeclineAbove };
        var steps = Assemble(d.Wakes, p.MerchantOf, t.Master?.Held ?? NoBrands, (m, b, amount) => t.DeclineLimit(b, m) is { } limit && amount > limit);
        return new GeneratedScenario(t, d.Script, steps);
    }

    /// <summary>A generated case, merchants drawn after the rest (for properties; the campaigns draw them from their own stream).</summary>
    public static Gen<GeneratedScenario> For(Embodiment e) =>
        from d in Draft(e)
        from p in Merchants
        select Place(d, p);

    /// <summary>Drop a step, an answer, a wallet; simplify defects, amounts and brand sets. Keeps scenarios valid (no dangling replay).</summary>
    public static IEnumerable<GeneratedScenario> Shrink(GeneratedScenario s)
    {
        for (var i = 0; i < s.Steps.Count; i++)
        {
            var steps = s.Steps.Where((_, j) => j != i).ToList();
            if (Valid(steps) && steps.Any(x => x is Step.WakeUp or Step.Replay)) yield return s with { Steps = steps };
        }
        for (var i = 0; i < s.Script.Answers.Count; i++)
            yield return s with { Script = s.Script with { Answers = s.Script.Answers.Where((_, j) => j != i).ToList() } };
        var t = s.Topology;
        // One merchant: every order moved to the first (their LID-Ms are distinct), the others and their limits gone.
        if (t.Merchants.Count > 0)
            yield return s with
            {
                Topology = t with { Merchants = [], DeclineAboveByMerchant = new Dictionary<string, long>() },
                Steps = [.. s.Steps.Select(OnFirstMerchant)],
            };
        if (t.Wallets.Count > 1)
        {
            var last = t.Wallets[^1].Name;
            var steps = s.Steps.Where(x => x switch { Step.SetDown d => d.Wallet != last, Step.ChangeBrands c => c.Wallet != last, Step.InstallWum w => w.Wallet != last, _ => true }).ToList();
            yield return s with { Topology = Forget(t, last) with { Wallets = t.Wallets.Take(t.Wallets.Count - 1).ToList() }, Steps = steps };
        }
        // Knowledge entries that name no wallet of the topology (stale or forged ones), one at a time.
        var names = t.Wallets.Select(w => w.Name).ToHashSet();
        foreach (var ghost in t.Knowledge.Wallets.Where(n => !names.Contains(n)).Distinct().ToList())
            yield return s with { Topology = Forget(t, ghost) };
        // A wallet that is down or silent from the start, brought up.
        for (var i = 0; i < t.Wallets.Count; i++)
            if (t.Wallets[i].Down || t.Wallets[i].Silent)
            {
                var ws = t.Wallets.ToList();
                ws[i] = ws[i] with { Down = false, Silent = false };
                yield return s with { Topology = t with { Wallets = ws } };
            }
        // A fault simplified to a drop (the plainest fault); a crash of the merchant or the wallet moved to after the PReq.
        for (var i = 0; i < s.Steps.Count; i++)
        {
            Step? simpler = s.Steps[i] switch
            {
                Step.Fault { Kind: not FaultKind.Drop } f => f with { Kind = FaultKind.Drop },
                Step.Crash { Party: CrashParty.Merchant or CrashParty.Wallet, After: not FaultPosition.PReq } c => c with { After = FaultPosition.PReq },
                _ => null,
            };
            if (simpler is null) continue;
            var steps = s.Steps.ToList();
            steps[i] = simpler;
            if (Valid(steps)) yield return s with { Steps = steps };
        }
        for (var i = 0; i < s.Steps.Count; i++)
            if (s.Steps[i] is Step.WakeUp w && (w.Defect is not WakeUpDefect.NoDefect || w.Amount != 1000))
            {
                var steps = s.Steps.ToList();
                steps[i] = w with { Defect = WakeUpDefect.None, Amount = 1000 };
                yield return s with { Steps = steps };
            }
        for (var i = 0; i < t.Wallets.Count; i++)
        {
            var w = t.Wallets[i];
            if (w.Held.Count > 1 || w.Advertised.Count > 1)
            {
                var ws = t.Wallets.ToList();
                ws[i] = w with { Held = Trim(w.Held), Advertised = Trim(w.Advertised) };
                yield return s with { Topology = t with { Wallets = ws } };
            }
        }

        static ImmutableSortedSet<Brand> Trim(ImmutableSortedSet<Brand> b) => b.Count > 1 ? b.Remove(b.Max!) : b;
    }

    private static Step OnFirstMerchant(Step s) => s switch
    {
        Step.WakeUp w => w with { Order = w.Order with { Merchant = ImplBuilder.Merchant } },
        Step.Replay r => r with { Order = r.Order with { Merchant = ImplBuilder.Merchant } },
        _ => s,
    };

    /// <summary>The topology with <paramref name="name"/> dropped from its routing knowledge.</summary>
    private static Topology Forget(Topology t, string name) => t with { Knowledge = t.Knowledge.Without(name) };

    /// <summary>No dangling replay, and faults and crashes are armed only right before an honest fresh wake-up (the rules' domain).</summary>
    private static bool Valid(IReadOnlyList<Step> steps)
    {
        var seen = new HashSet<OrderId>();
        for (var i = 0; i < steps.Count; i++)
        {
            var s = steps[i];
            if (s is Step.WakeUp w) seen.Add(w.Order);
            if (s is Step.Replay r && !seen.Contains(r.Order)) return false;
            if (s is Step.Fault or Step.Crash)
            {
                var j = i;
                while (j < steps.Count && steps[j] is Step.Fault or Step.Crash) j++;
                if (j == steps.Count || steps[j] is not Step.WakeUp { Defect: WakeUpDefect.NoDefect } next || !next.Brand.IsKnown || seen.Contains(next.Order)) return false;
            }
        }
        return true;
    }
}
