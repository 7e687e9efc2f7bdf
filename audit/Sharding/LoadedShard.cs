using MultiWallet.Checks.Invariants;

namespace MultiWallet.Audit.Sharding;

/// <summary>One verified shard bundle: where it is, its manifest and its campaign slice (null when the run selected no campaign check).</summary>
/// <param name="Dir">The bundle directory.</param>
/// <param name="Manifest">Its shard.json.</param>
/// <param name="Campaign">Its campaign-slice.json.</param>
public sealed record LoadedShard(string Dir, ShardManifest Manifest, CampaignSlice? Campaign);
