namespace MultiWallet.Properties.Catalog;

/// <summary>What a run of the catalog hands every check: the budget, the seed, where to log.</summary>
public sealed record CheckContext(int Seed, int Cases, Action<string> Log)
{
    /// <summary>Default budget when `dotnet test` runs the catalog (the audit command passes its own).</summary>
    public const int TestCases = 100;

    public static CheckContext ForTests(Action<string> log) =>
        new(Environment.GetEnvironmentVariable("MW_SEED") is { } s && int.TryParse(s, out var seed) ? seed : DefaultSeed,
            Environment.GetEnvironmentVariable("MW_CASES") is { } c && int.TryParse(c, out var cases) ? cases : TestCases,
            log);

    public const int DefaultSeed = 20000203; // the patent's filing date
}
