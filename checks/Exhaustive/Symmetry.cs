using System.Collections.Immutable;
using MultiWallet.Checks.Generators;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Exhaustive;

/// <summary>
/// The symmetry the exhaustive scope reduces by: renaming the registered wallets (a permutation of their names, the
/// registration order kept) and renaming the bound's brands (a permutation of the known brands in the domain). Names no
/// topology registers (the unknown wallet, the master) and the unknown brand are fixed. A renamed case is the same case
/// to the design: routing breaks ties by registration order, never by name, and every known brand has its own CA on
/// the same path. The canonical representative of an orbit names its wallets in registration order and its brands in
/// order of first use: of the renamings of the brands, the one whose description
/// (<see cref="GeneratedScenario.ToString"/>) is least, ordinal — which puts the brand a case uses first first, and breaks
/// ties inside a brand set by the uses that follow.
/// </summary>
public static class Symmetry
{
    /// <summary>The case with wallet names mapped by <paramref name="wallet"/> and brands by <paramref name="brand"/> everywhere they occur.</summary>
    public static GeneratedScenario Rename(GeneratedScenario s, Func<string, string> wallet, Func<Brand, Brand> brand)
    {
        ImmutableSortedSet<Brand> Set(ImmutableSortedSet<Brand> b) => [.. b.Select(brand)];
        string? Text(string? text) => text is null ? null : text.StartsWith("ssw://", StringComparison.Ordinal) ? "ssw://" + wallet(text[6..]) : wallet(text);
        WalletSpec Spec(WalletSpec w) => w with { Name = wallet(w.Name), Held = Set(w.Held), Advertised = Set(w.Advertised) };
        var t = s.Topology;
        var topology = t with
        {
            Wallets = [.. t.Wallets.Select(Spec)],
            Master = t.Master is null ? null : Spec(t.Master),
            Knowledge = t.Knowledge switch
            {
                Knowledge.BrandTable b => new Knowledge.BrandTable(b.Entries.ToImmutableDictionary(k => wallet(k.Key), k => Set(k.Value))),
                Knowledge.InstalledWums w => new Knowledge.InstalledWums(w.Entries.ToImmutableDictionary(k => wallet(k.Key), k => k.Value with { Brands = Set(k.Value.Brands) })),
                Knowledge.SswList l => new Knowledge.SswList([.. l.Names.Select(wallet)]),
                var k => k,
            },
        };
        var script = new UserScript(Text(s.Script.Preselected), [.. s.Script.Answers.Select(a => a switch
        {
            UserAnswer.Pick p => new UserAnswer.Pick(wallet(p.Name)),
            UserAnswer.TypeAddress x => new UserAnswer.TypeAddress(Text(x.Text)!),
            _ => a,
        })]);
        IReadOnlyList<Step> steps = [.. s.Steps.Select(x => x switch
        {
            Step.WakeUp w => w with { Brand = brand(w.Brand) },
            Step.InstallWum i => i with { Wallet = wallet(i.Wallet), Brands = Set(i.Brands) },
            Step.ChangeBrands c => c with { Wallet = wallet(c.Wallet), Held = Set(c.Held), Advertised = Set(c.Advertised) },
            Step.SetDown d => d with { Wallet = wallet(d.Wallet) },
            _ => x,
        })];
        return new GeneratedScenario(topology, script, steps);
    }

    /// <summary>Every brand renaming of the domain: each maps the domain onto itself and fixes every other brand.</summary>
    public static IEnumerable<Func<Brand, Brand>> BrandRenamings(ImmutableSortedSet<Brand> domain)
    {
        var d = domain.ToArray();
        foreach (var p in ScopeSpace.Permutations(d.Length))
        {
            var map = d.Select((b, i) => (b, to: d[p[i] - 1])).ToDictionary(x => x.b, x => x.to);
            yield return b => map.GetValueOrDefault(b, b);
        }
    }

    /// <summary>Every renaming of the registered wallets' names among themselves (others fixed).</summary>
    public static IEnumerable<Func<string, string>> WalletRenamings(Topology t)
    {
        var names = t.Wallets.Select(w => w.Name).ToArray();
        foreach (var p in ScopeSpace.Permutations(names.Length))
        {
            var map = names.Select((n, i) => (n, to: names[p[i] - 1])).ToDictionary(x => x.n, x => x.to, StringComparer.Ordinal);
            yield return n => map.GetValueOrDefault(n, n);
        }
    }

    /// <summary>Whether the registered wallets are named SW-1…SW-n (SSW-1… on E7–E12) in registration order.</summary>
    public static bool NamedInRegistrationOrder(Topology t) =>
        t.Wallets.Select((w, i) => w.Name == (t.Traits.IsMasterSlave ? WalletNames.Ssw(i + 1) : WalletNames.Sw(i + 1))).All(x => x);

    /// <summary>Whether <paramref name="s"/> is its orbit's canonical representative (<see cref="Symmetry"/>).</summary>
    public static bool IsCanonical(GeneratedScenario s, ImmutableSortedSet<Brand> domain)
    {
        if (!NamedInRegistrationOrder(s.Topology)) return false;
        var key = s.ToString();
        return BrandRenamings(domain).Skip(1).All(r => string.CompareOrdinal(Rename(s, n => n, r).ToString(), key) >= 0);
    }
}
