using MultiWallet.Checks.Exhaustive;
using MultiWallet.Checks.Generators;
using MultiWallet.Model.Vocabulary;
using Xunit;
using Xunit.Abstractions;

namespace MultiWallet.Tests.Exhaustive;

/// <summary>
/// The symmetry reduction keeps exactly one representative per orbit: on a small bound, the space with every naming of
/// the wallets is split into orbits by brute force (applying every renaming of wallets and brands, independently of the
/// canonical form), and the reduced enumeration must hold exactly one case of each orbit and nothing else.
/// </summary>
public sealed class SymmetryReductionTests(ITestOutputHelper output)
{
    /// <summary>A bound small enough to brute-force, with every layer shape and two of each dimension that has a symmetry.</summary>
    private static readonly ScopeBound Tiny = new("tiny",
    [
        new(ScopeShape.Honest, Wallets: 2, Brands: 2, WakeUps: 1),
        new(ScopeShape.Honest, Wallets: 2, Brands: 2, WakeUps: 2, AskedWallets: 1),
        new(ScopeShape.Defect, Wallets: 2, Brands: 2),
        new(ScopeShape.Fault, Wallets: 1, Brands: 2),
    ]);

    public static TheoryData<Embodiment> Embodiments() => [.. Enum.GetValues<Embodiment>()];

    /// <summary>One representative per orbit, no case outside the space, no case twice.</summary>
    [Theory]
    [MemberData(nameof(Embodiments))]
    public void Reduction_keeps_exactly_one_case_per_orbit(Embodiment e)
    {
        foreach (var layer in Tiny.Layers)
        {
            var domain = ScopeSpace.Domain(layer);
            var space = ScopeSpace.Raw(e, layer, permuteNames: true).ToList();
            var keys = space.Select(s => s.ToString()).ToHashSet(StringComparer.Ordinal);
            Assert.Equal(space.Count, keys.Count); // the raw space lists no case twice

            // Orbit of each case by brute force: its images under every renaming of wallets and brands, which must all
            // be cases of the space (it is closed under renaming); the orbit is named by its least description.
            string Orbit(GeneratedScenario s)
            {
                var images = Symmetry.WalletRenamings(s.Topology)
                    .SelectMany(w => Symmetry.BrandRenamings(domain).Select(b => Symmetry.Rename(s, w, b).ToString())).ToList();
                Assert.All(images, i => Assert.Contains(i, keys));
                return images.Min(StringComparer.Ordinal)!;
            }
            var orbits = space.GroupBy(Orbit, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(s => s.ToString()).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);

            var reduced = ScopeEnumerator.Cases(e, layer).Select(s => s.ToString()).ToList();
            Assert.Equal(reduced.Count, reduced.Distinct(StringComparer.Ordinal).Count());
            Assert.All(reduced, r => Assert.Contains(r, keys));
            Assert.Equal(orbits.Count, reduced.Count);
            foreach (var (orbit, members) in orbits)
                Assert.Single(reduced, members.Contains);
            Assert.True(orbits.Count < space.Count, $"{e} {layer}: the renamings identify no two cases ({space.Count})");
        }
    }

    /// <summary>The layers of the full bound never share a case, so the count is of distinct cases.</summary>
    [Theory]
    [MemberData(nameof(Embodiments))]
    public void Full_bound_lists_every_case_once(Embodiment e)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in ScopeEnumerator.Cases(e, ScopeBound.Full))
            Assert.True(seen.Add(s.ToString()), $"listed twice:\n{s}");
        Assert.NotEmpty(seen);
        output.WriteLine($"{e}: {seen.Count} distinct cases within {ScopeBound.Full}");
    }
}
