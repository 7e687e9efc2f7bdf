using MultiWallet.Checks.Catalog;
using MultiWallet.Impl.World;

namespace MultiWallet.Audit.Sharding;

/// <summary>What `verify --shard K/N` was asked to run: the whole run's selection and how to record it.</summary>
/// <param name="Shard">The shard.</param>
/// <param name="Catalog">The full catalog (the verdicts weigh it).</param>
/// <param name="Selected">The whole run's selected checks, in catalog order.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Cases">The budget.</param>
/// <param name="Transport">The network.</param>
/// <param name="Exhaustive">Whether --exhaustive was given.</param>
/// <param name="Command">The unsharded command.</param>
/// <param name="Filter">The unsharded filter.</param>
/// <param name="Commit">The commit, taken before the run wrote anything.</param>
/// <param name="Dirty">Whether the tree was dirty then.</param>
public sealed record ShardRequest(ShardSpec Shard, IReadOnlyList<CheckEntry> Catalog, IReadOnlyList<CheckEntry> Selected, int Seed, int Cases,
    WorldTransport Transport, bool Exhaustive, string Command, IReadOnlyList<string> Filter, string Commit, bool? Dirty)
{
    /// <summary>Checks of a phase run side by side (0: one per core).</summary>
    public int Jobs { get; init; }

    /// <summary>The network's name as the evidence writes it.</summary>
    public string Network => Transport == WorldTransport.Http ? "http" : "memory";
}
