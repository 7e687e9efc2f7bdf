using FsCheck;
using FsCheck.Fluent;
using MultiWallet.Checks.Generators;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Tests.Properties;

/// <summary>Generated scenarios of every embodiment, with the campaign's own generator and shrinker.</summary>
public static class ScenarioArbitraries
{
    /// <summary>An embodiment, then a scenario of it; shrinks as the campaign shrinks.</summary>
    public static Arbitrary<GeneratedScenario> Scenario() =>
        Arb.From(Gen.Elements(Enum.GetValues<Embodiment>()).SelectMany(ScenarioGen.For), ScenarioGen.Shrink);
}
