using MultiWallet.Checks.Catalog;

namespace MultiWallet.Audit.Sharding;

/// <summary>One non-campaign check a shard ran: what it returned, how long it took and what it logged.</summary>
public sealed record ShardCheck
{
    /// <summary>The check id.</summary>
    public required string Id { get; init; }
    /// <summary>Wall time of the check (reporting only).</summary>
    public double DurationSeconds { get; init; }
    /// <summary>Its checks.log section.</summary>
    public string Log { get; init; } = "";
    /// <summary>Its outcome, typed evidence included.</summary>
    public required CheckOutcome Outcome { get; init; }
}
