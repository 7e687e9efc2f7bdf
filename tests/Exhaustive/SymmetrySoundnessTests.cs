using MultiWallet.Checks.Catalog;
using MultiWallet.Checks.Exhaustive;
using CampaignRun = MultiWallet.Checks.Invariants.Campaign;
using MultiWallet.Model.Vocabulary;
using Xunit;

namespace MultiWallet.Tests.Exhaustive;

/// <summary>
/// The reduction is sound only if a renamed case behaves as the case renamed: run a sample of canonical cases and their
/// images under swapping two wallets' names and two brands, on the model and the implementation, and require the same
/// outcomes (renamed) and the same agreement with the model.
/// </summary>
public sealed class SymmetrySoundnessTests
{
    private static readonly ScopeLayer Layer = new(ScopeShape.Honest, Wallets: 2, Brands: 2, WakeUps: 1);

    public static TheoryData<Embodiment> Embodiments() => [.. Enum.GetValues<Embodiment>()];

    /// <summary>Every tenth two-wallet case of the layer and its image give the same outcomes, renamed.</summary>
    [Theory]
    [MemberData(nameof(Embodiments))]
    public void Renamed_cases_behave_alike(Embodiment e)
    {
        var domain = ScopeSpace.Domain(Layer);
        var cases = ScopeEnumerator.Cases(e, Layer).Where(s => s.Topology.Wallets.Count == 2).Where((_, i) => i % 10 == 0).ToList();
        Assert.NotEmpty(cases);
        var master = EmbodimentTraits.Of(e).IsMasterSlave;
        string Wallet(string n) => n == Name(1) ? Name(2) : n == Name(2) ? Name(1) : n;
        string Name(int i) => master ? WalletNames.Ssw(i) : WalletNames.Sw(i);
        var brand = Symmetry.BrandRenamings(domain).Last();
        foreach (var s in cases)
        {
            var image = Symmetry.Rename(s, Wallet, brand);
            var a = CampaignRun.Execute(s, CheckContext.DefaultSeed, null);
            var b = CampaignRun.Execute(image, CheckContext.DefaultSeed, null);
            Assert.Null(a.Crash);
            Assert.Null(b.Crash);
            var expected = a.Result!.WakeUps.Select(w => Rename(w.ImplOutcome, Wallet, brand)).ToList();
            Assert.Equal(expected, b.Result!.WakeUps.Select(w => w.ImplOutcome).ToList());
            Assert.Equal(a.Result.Agrees, b.Result.Agrees);
        }
    }

    private static Outcome Rename(Outcome o, Func<string, string> wallet, Func<Brand, Brand> brand) => o switch
    {
        Outcome.Paid p => new Outcome.Paid(wallet(p.Wallet), brand(p.Brand)),
        Outcome.Refused r => r with { Wallet = r.Wallet is null ? null : wallet(r.Wallet) },
        _ => o,
    };
}
