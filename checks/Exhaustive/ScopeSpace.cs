using System.Collections.Immutable;
using MultiWallet.Checks.Bridge;
using MultiWallet.Checks.Generators;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Exhaustive;

/// <summary>
/// The grammar of an exhaustive small scope, built from the model's vocabulary as <see cref="ScenarioGen"/> builds its
/// cases, enumerated lazily and in a fixed order (layer by layer; in a layer, fewer wallets first). In a
/// <see cref="ScopeLayer"/> a case is:
/// <list type="bullet">
/// <item>n wallets (1 ≤ n ≤ the layer's), each holding any subset of the layer's brands and advertising it; on E7–E12 a
/// master holding nothing or one brand; (honest layers) nobody down, or the first registered wallet down from the start;</item>
/// <item>the knowledge the embodiment reads (selector table, installed WUMs, master or client brand information, SSW list,
/// live answers): in honest layers in each <see cref="KnowledgeVariant"/>, in the others accurate (and accurate only
/// where the embodiment reads none);</item>
/// <item>the user's answers, one per wake-up that reaches routing: E1 registers each wallet, an unknown one or none;
/// E2/E9/E12 pick each wallet, an unknown one or nothing; E10 types each slave's address, an unknown slave's, the
/// master's, a name without scheme or nothing;</item>
/// <item>steps of the layer's <see cref="ScopeShape"/>: honest (exactly the layer's number of wake-ups, each a fresh order
/// of a layer brand or, after the first, a replay of the previous order; on E4–E6 one after the first possibly preceded by a
/// change of the first wallet's brand information to none or every brand); defective (one wake-up with an unknown brand, a
/// missing field or a tampered OI, PI, dual signature or certificate, then its honest retry as <see cref="ScenarioGen"/>
/// assembles it); a fault program (<see cref="FaultPrograms"/>) before one honest wake-up, then a heal.</item>
/// </list>
/// Wallets are named in registration order unless the symmetry test asks for every naming, so that the space is closed
/// under renaming; the canonical enumeration is <see cref="ScopeEnumerator"/>.
/// </summary>
public static class ScopeSpace
{
    /// <summary>The order every generated wake-up of the scope is for: the campaign's merchant, LID-M Lk.</summary>
    public static OrderId Order(int k) => new(ImplBuilder.Merchant, $"L{k}");

    /// <summary>The wallet name no topology registers (an unknown wallet in answers and lists).</summary>
    public static string Ghost(EmbodimentTraits t) => t.IsMasterSlave ? WalletNames.Ssw(9) : WalletNames.Sw(9);

    /// <summary>The brands of a layer: the first <see cref="ScopeLayer.Brands"/> known brands.</summary>
    public static ImmutableSortedSet<Brand> Domain(ScopeLayer l) => [.. Brand.Known.Take(l.Brands)];

    /// <summary>Every case of the raw space of <paramref name="e"/> within <paramref name="b"/>, layer by layer, in the fixed order.</summary>
    /// <param name="e">The embodiment.</param>
    /// <param name="b">The bound.</param>
    /// <param name="permuteNames">Also every naming of the wallets other than the registration order (for the symmetry test only).</param>
    public static IEnumerable<GeneratedScenario> Raw(Embodiment e, ScopeBound b, bool permuteNames = false) =>
        b.Layers.SelectMany(layer => Raw(e, layer, permuteNames));

    /// <summary>Every case of one layer (<see cref="Raw(Embodiment, ScopeBound, bool)"/>).</summary>
    public static IEnumerable<GeneratedScenario> Raw(Embodiment e, ScopeLayer layer, bool permuteNames = false)
    {
        var traits = EmbodimentTraits.Of(e);
        var domain = Domain(layer);
        var subsets = Subsets(domain);
        // Routing variety (a wallet down, knowledge out of date) only where routing is what the layer is about.
        var routing = layer.Shape == ScopeShape.Honest;
        for (var n = 1; n <= layer.WalletsFor(traits); n++)
            foreach (var naming in permuteNames ? Permutations(n) : [Enumerable.Range(1, n).ToArray()])
            {
                var names = naming.Select(i => traits.IsMasterSlave ? WalletNames.Ssw(i) : WalletNames.Sw(i)).ToList();
                foreach (var shape in Shapes(traits, layer, domain, names))
                    foreach (var held in Product(subsets, n))
                        foreach (var master in traits.IsMasterSlave ? [Brands.None, .. domain.Select(x => Brands.Of(x))] : new ImmutableSortedSet<Brand>?[] { null })
                            foreach (var firstDown in routing ? [false, true] : (bool[])[false])
                                foreach (var variant in routing ? Variants(traits) : [KnowledgeVariant.Accurate])
                                {
                                    if (variant == KnowledgeVariant.Lying && ReadsBrands(traits) && (held[0].SetEquals(domain) || held[0].IsEmpty)) continue; // the lie says the truth, or what stale says
                                    if (master is not null && FaultPrograms.OnlyBehindMaster([.. shape.TakeWhile(x => x is Step.Fault or Step.Crash)])
                                        && shape.OfType<Step.WakeUp>().First().Brand is var x && master.Contains(x)) continue; // as ScenarioGen: never armed where it cannot fire
                                    var t = Build(traits, names, held, master, firstDown, variant, domain);
                                    foreach (var script in Scripts(traits, names, Askings(shape)))
                                        yield return new GeneratedScenario(t, script, shape);
                                }
            }
    }

    /// <summary>Whether the embodiment's knowledge lists brands per wallet (a table, WUMs or live answers) rather than names.</summary>
    private static bool ReadsBrands(EmbodimentTraits t) => t.Knowledge is KnowledgeKind.BrandTable or KnowledgeKind.InstalledWums || t.Holder == KnowledgeHolder.LiveQuery;

    /// <summary>The variants an embodiment's knowledge takes: all three where it reads knowledge, else accurate only.</summary>
    public static IReadOnlyList<KnowledgeVariant> Variants(EmbodimentTraits t) =>
        t.Knowledge != KnowledgeKind.None || t.Holder == KnowledgeHolder.LiveQuery ? Enum.GetValues<KnowledgeVariant>() : [KnowledgeVariant.Accurate];

    private static Topology Build(EmbodimentTraits traits, IReadOnlyList<string> names, IReadOnlyList<ImmutableSortedSet<Brand>> held,
        ImmutableSortedSet<Brand>? master, bool firstDown, KnowledgeVariant v, ImmutableSortedSet<Brand> domain)
    {
        // What the knowledge says of the first wallet (the one routing tries first); the others' entries are accurate.
        ImmutableSortedSet<Brand> Said(int i) => i > 0 || v == KnowledgeVariant.Accurate ? held[i] : v == KnowledgeVariant.Stale ? domain.Except(held[0]) : domain;
        var live = traits.Holder == KnowledgeHolder.LiveQuery;
        var wallets = names.Select((name, i) => new WalletSpec(name, held[i], live ? Said(i) : held[i], Down: i == 0 && firstDown)).ToList();
        var t = new Topology(traits.Embodiment, wallets, master is null ? null : new WalletSpec(WalletNames.Msw, master, master));
        var listed = v switch
        {
            KnowledgeVariant.Stale => names.Skip(1).ToList(),
            KnowledgeVariant.Lying => [.. names, Ghost(traits)],
            _ => names.ToList(),
        };
        return t with
        {
            Knowledge = traits.Knowledge switch
            {
                KnowledgeKind.BrandTable => new Knowledge.BrandTable(names.Select((n, i) => (n, i)).ToImmutableDictionary(x => x.n, x => Said(x.i))),
                KnowledgeKind.InstalledWums => new Knowledge.InstalledWums(names.Select((n, i) => (n, i)).ToImmutableDictionary(x => x.n, x => new WumInstall(1, Said(x.i)))),
                KnowledgeKind.SswList => new Knowledge.SswList(listed),
                _ => Knowledge.None,
            },
        };
    }

    /// <summary>The step sequences of a layer, in order: honest by wake-ups, defective, or each fault program.</summary>
    private static IEnumerable<IReadOnlyList<Step>> Shapes(EmbodimentTraits traits, ScopeLayer layer, ImmutableSortedSet<Brand> domain, IReadOnlyList<string> names)
    {
        switch (layer.Shape)
        {
            case ScopeShape.Honest:
                foreach (var steps in Honest(traits, domain, names[0], layer.WakeUps, [], 0)) yield return steps;
                break;
            case ScopeShape.Defect:
                foreach (var x in domain)
                {
                    // As ScenarioGen.Assemble: a refused bad wake-up did not consume its order, so its retry reuses it;
                    // a tampered purchase did, so its retry is a fresh order.
                    yield return [new Step.WakeUp(Order(1), ScenarioGen.Unknown, 1000, WakeUpDefect.None), new Step.WakeUp(Order(1), x)];
                    yield return [new Step.WakeUp(Order(1), x, 1000, WakeUpDefect.Missing), new Step.WakeUp(Order(1), x)];
                    foreach (var site in Enum.GetValues<TamperSite>())
                        yield return [new Step.WakeUp(Order(1), x, 1000, new WakeUpDefect.Tampered(site)), new Step.WakeUp(Order(2), x)];
                }
                break;
            default:
                foreach (var program in FaultPrograms.For(traits))
                    foreach (var x in domain)
                        yield return [.. program, new Step.WakeUp(Order(1), x), new Step.Heal()];
                break;
        }
    }

    /// <summary>Honest sequences of exactly <paramref name="left"/> more slots after <paramref name="prefix"/> (<paramref name="orders"/> fresh orders so far).</summary>
    private static IEnumerable<IReadOnlyList<Step>> Honest(EmbodimentTraits traits, ImmutableSortedSet<Brand> domain, string first, int left, IReadOnlyList<Step> prefix, int orders)
    {
        if (left == 0) { yield return prefix; yield break; }
        var changes = orders == 0 || !traits.LiveRouting ? [null] : Changes(traits, domain, first, orders + 1);
        foreach (var change in changes)
        {
            IReadOnlyList<Step> before = change is null ? prefix : [.. prefix, change];
            foreach (var x in domain)
                foreach (var rest in Honest(traits, domain, first, left - 1, [.. before, new Step.WakeUp(Order(orders + 1), x)], orders + 1))
                    yield return rest;
            if (orders > 0)
                foreach (var rest in Honest(traits, domain, first, left - 1, [.. before, new Step.Replay(Order(orders))], orders))
                    yield return rest;
        }
    }

    /// <summary>A change of the first wallet's brand information between wake-ups (INV-LIVE): none, or to none or every brand.</summary>
    private static Step?[] Changes(EmbodimentTraits traits, ImmutableSortedSet<Brand> domain, string first, int version) =>
    [
        null,
        .. new[] { Brands.None, domain }.Select(set => traits.Knowledge == KnowledgeKind.InstalledWums
            ? (Step)new Step.InstallWum(first, version, set)
            : new Step.ChangeBrands(first, set, set)),
    ];

    /// <summary>How many times the steps ask the user: once per wake-up with a known brand and no missing field (a replay or a bad wake-up is refused before routing).</summary>
    public static int Askings(IReadOnlyList<Step> steps) => steps.Count(s => s is Step.WakeUp { Brand.IsKnown: true, Defect: not WakeUpDefect.MissingField });

    /// <summary>The user scripts of an embodiment with these wallets, for <paramref name="askings"/> questions.</summary>
    private static IEnumerable<UserScript> Scripts(EmbodimentTraits traits, IReadOnlyList<string> names, int askings)
    {
        var ghost = Ghost(traits);
        switch (traits.Asks)
        {
            case UserPrompt.AtSetUp:
                foreach (var p in names.Append(ghost).Append(null)) yield return new UserScript(p, []);
                yield break;
            case UserPrompt.AtWakeUp:
                foreach (var a in Product([.. names.Append(ghost).Select(n => (UserAnswer)new UserAnswer.Pick(n)), UserAnswer.Nothing], askings)) yield return new UserScript(null, a);
                yield break;
            case UserPrompt.TypedAddress:
                UserAnswer[] typed = [.. names.Append(ghost).Append(WalletNames.Msw).Select(n => new UserAnswer.TypeAddress("ssw://" + n)), new UserAnswer.TypeAddress(names[0]), new UserAnswer.TypeAddress("")];
                foreach (var a in Product(typed, askings)) yield return new UserScript(null, a);
                yield break;
            default:
                yield return UserScript.Silent;
                yield break;
        }
    }

    /// <summary>Every subset of the domain, smallest first.</summary>
    private static IReadOnlyList<ImmutableSortedSet<Brand>> Subsets(ImmutableSortedSet<Brand> domain) =>
        [.. Enumerable.Range(0, 1 << domain.Count).OrderBy(m => System.Numerics.BitOperations.PopCount((uint)m)).ThenBy(m => m)
            .Select(m => ImmutableSortedSet.CreateRange(domain.Where((_, i) => (m & (1 << i)) != 0)))];

    /// <summary>Every tuple of <paramref name="k"/> elements of <paramref name="xs"/>, the last varying fastest.</summary>
    public static IEnumerable<IReadOnlyList<T>> Product<T>(IReadOnlyList<T> xs, int k)
    {
        if (k == 0) { yield return []; yield break; }
        foreach (var head in Product(xs, k - 1))
            foreach (var x in xs) yield return [.. head, x];
    }

    /// <summary>Every permutation of 1..n, the identity first.</summary>
    public static IEnumerable<int[]> Permutations(int n)
    {
        if (n == 0) { yield return []; yield break; }
        foreach (var p in Permutations(n - 1))
            for (var at = p.Length; at >= 0; at--)
                yield return [.. p[..at], n, .. p[at..]];
    }
}
