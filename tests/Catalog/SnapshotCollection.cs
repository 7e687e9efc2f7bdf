using Xunit;

namespace MultiWallet.Tests.Catalog;

/// <summary>The xunit collection that serialises every test touching snapshot files or SNAPSHOOTER_STRICT_MODE.</summary>
[CollectionDefinition(Name)]
public sealed class SnapshotCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "trace snapshots";
}
