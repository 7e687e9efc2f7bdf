namespace MultiWallet.Checks.Catalog;

/// <summary>What a run of the catalog hands every check: the budget, the seed, where to log.</summary>
/// <param name="Seed">The seed every generator and every world of the run derives from.</param>
/// <param name="Cases">Generated scenarios per embodiment.</param>
/// <param name="Log">Where a check writes what a reader of a failure needs.</param>
/// <param name="Transport">The network generated scenarios run over: in memory (default) or real loopback HTTP
/// (`verify --network http`); fixed examples and traces choose their own.</param>
public sealed record CheckContext(int Seed, int Cases, Action<string> Log, MultiWallet.Impl.World.WorldTransport Transport = MultiWallet.Impl.World.WorldTransport.InMemory)
{
    /// <summary>
    /// Generated scenarios per embodiment when `dotnet test` runs the catalog (MW_CASES overrides): small, so the
    /// suite stays within minutes; the audit command's default is 1000 per embodiment.
    /// </summary>
    public const int TestCases = 16;

    public static CheckContext ForTests(Action<string> log) =>
        new(Environment.GetEnvironmentVariable("MW_SEED") is { } s && int.TryParse(s, out var seed) ? seed : DefaultSeed,
            Environment.GetEnvironmentVariable("MW_CASES") is { } c && int.TryParse(c, out var cases) ? cases : TestCases,
            log);

    public const int DefaultSeed = 20000203; // the patent's filing date

    /// <summary>How trace checks compare a trace with its committed snapshot; null: the committed file itself.</summary>
    public ISnapshotMatcher? Snapshots { get; init; }

    /// <summary>Whether the exhaustive small-scope checks run their full bound (`verify --exhaustive`) rather than the small one.</summary>
    public bool Exhaustive { get; init; }
}
