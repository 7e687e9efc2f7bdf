using MultiWallet.Checks.Catalog;

namespace MultiWallet.Tests.Catalog;

/// <summary>Runs one entry for xunit and turns a failed outcome into a test failure with its replay line.</summary>
public static class CatalogAssert
{
    /// <summary>Runs check <paramref name="id"/> of <paramref name="catalog"/> with the test budget; throws when it fails.</summary>
    public static void Passes(IReadOnlyList<CheckEntry> catalog, string id, Action<string> log)
    {
        var entry = catalog.Single(e => e.Id == id);
        var ctx = CheckContext.ForTests(log) with { Snapshots = SnapshooterMatcher.Instance };
        log($"{id} [{string.Join(", ", entry.Meta.Requirements)}] seed={ctx.Seed} cases={ctx.Cases}");
        var outcome = entry.Run(ctx);
        log(outcome.Message);
        foreach (var (k, v) in outcome.Classes) log($"  class {k}: {v}");
        if (!outcome.Passed)
        {
            var text = $"{id} failed: {outcome.Message}";
            if (outcome.Counterexample is not null) text += $"\nShrunk counterexample:\n{outcome.Counterexample}";
            text += $"\nReplay: dotnet run --project audit -- verify --seed {ctx.Seed} --only {id}" + (outcome.Replay is null ? "" : $"  (FsCheck replay {outcome.Replay})");
            throw new Xunit.Sdk.XunitException(text);
        }
    }
}
