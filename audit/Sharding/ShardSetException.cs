namespace MultiWallet.Audit.Sharding;

/// <summary>Shard bundles that cannot be merged (one does not verify, is not a shard, or they are not one run's shards): bad usage, exit 2.</summary>
/// <param name="message">Which bundle and why.</param>
public sealed class ShardSetException(string message) : Exception(message);
