namespace MultiWallet.Audit.Sharding;

/// <summary>
/// The machine-readable partial result of one shard (shard.json in its bundle, signed with it): which run it is a slice
/// of, the non-campaign checks it ran with their outcomes, and whether it ran a campaign slice (campaign-slice.json).
/// </summary>
public sealed record ShardManifest
{
    /// <summary>The file name in a shard bundle.</summary>
    public const string FileName = "shard.json";
    /// <summary>The campaign slice's file name in a shard bundle (<see cref="MultiWallet.Checks.Invariants.TallyJson"/>).</summary>
    public const string CampaignFileName = "campaign-slice.json";

    /// <summary>This shard, 1-based.</summary>
    public required int Shard { get; init; }
    /// <summary>How many shards the run has.</summary>
    public required int Shards { get; init; }
    /// <summary>The run's seed.</summary>
    public required int Seed { get; init; }
    /// <summary>The run's budget (cases per embodiment).</summary>
    public required int Cases { get; init; }
    /// <summary>memory or http.</summary>
    public required string Network { get; init; }
    /// <summary>Whether --exhaustive was given.</summary>
    public bool Exhaustive { get; init; }
    /// <summary>The commit the shard ran at.</summary>
    public required string Commit { get; init; }
    /// <summary>Whether the working tree had uncommitted changes (null: not a git checkout).</summary>
    public bool? Dirty { get; init; }
    /// <summary>The unsharded command this run is a slice of (the merged bundle records it).</summary>
    public required string Command { get; init; }
    /// <summary>The unsharded run's --only / --embodiment filter.</summary>
    public IReadOnlyList<string> Filter { get; init; } = [];
    /// <summary>Every check id the whole run selected, in catalog order.</summary>
    public IReadOnlyList<string> Selected { get; init; } = [];
    /// <summary>The non-campaign checks this shard ran.</summary>
    public IReadOnlyList<ShardCheck> Checks { get; init; } = [];
    /// <summary>Whether the shard ran its slice of the shared campaign (written to <see cref="CampaignFileName"/>).</summary>
    public bool Campaign { get; init; }
}
