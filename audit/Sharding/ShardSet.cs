using System.Text.Json;
using MultiWallet.Audit.Bundle;
using MultiWallet.Checks.Invariants;

namespace MultiWallet.Audit.Sharding;

/// <summary>
/// Loads the shard bundles of one sharded run for `audit merge`: each must verify (signature and every file's digest),
/// carry a shard manifest, and all must be slices of the same run (seed, budget, network, commit, command, selection,
/// N) with every shard 1..N exactly once.
/// </summary>
public static class ShardSet
{
    /// <summary>Loads and cross-checks <paramref name="dirs"/>, verifying each with <paramref name="publicKeyPem"/> or the bundle's own key.</summary>
    /// <exception cref="ShardSetException">A bundle does not verify or is not a shard, or the bundles are not one run's shards.</exception>
    public static IReadOnlyList<LoadedShard> Load(IReadOnlyList<string> dirs, string? publicKeyPem, JsonSerializerOptions options)
    {
        var shards = dirs.Select(d => LoadOne(d, publicKeyPem, options)).ToList();
        var first = shards[0].Manifest;
        foreach (var s in shards.Skip(1))
        {
            var m = s.Manifest;
            void Same<T>(string what, T a, T b)
            {
                if (!EqualityComparer<T>.Default.Equals(a, b)) throw new ShardSetException($"{s.Dir} is not a shard of the same run as {shards[0].Dir}: {what} {b} vs {a}");
            }
            Same("shard count N", first.Shards, m.Shards);
            Same("seed", first.Seed, m.Seed);
            Same("budget (--cases)", first.Cases, m.Cases);
            Same("network", first.Network, m.Network);
            Same("--exhaustive", first.Exhaustive, m.Exhaustive);
            Same("commit", first.Commit, m.Commit);
            Same("dirty tree", first.Dirty, m.Dirty);
            Same("command", first.Command, m.Command);
            Same("selection", string.Join(',', first.Selected), string.Join(',', m.Selected));
        }
        var n = first.Shards;
        var twice = shards.GroupBy(s => s.Manifest.Shard).Where(g => g.Count() > 1).Select(g => $"shard {g.Key}/{n} twice ({string.Join(", ", g.Select(s => s.Dir))})").ToList();
        if (twice.Count > 0) throw new ShardSetException(string.Join("; ", twice));
        var missing = Enumerable.Range(1, n).Except(shards.Select(s => s.Manifest.Shard)).ToList();
        if (missing.Count > 0) throw new ShardSetException($"missing shard(s) {string.Join(", ", missing.Select(k => $"{k}/{n}"))} of {n}");
        return [.. shards.OrderBy(s => s.Manifest.Shard)];
    }

    private static LoadedShard LoadOne(string dir, string? publicKeyPem, JsonSerializerOptions options)
    {
        BundleVerification v;
        try { v = BundleVerifier.Verify(dir, publicKeyPem); }
        catch (Exception e) when (e is BundleUnusableException or BundleKeyException) { throw new ShardSetException(e.Message); }
        if (!v.Verified) throw new ShardSetException($"{dir}: the bundle does not verify: {string.Join("; ", v.Problems)}");
        var path = Path.Combine(dir, ShardManifest.FileName);
        if (!File.Exists(path)) throw new ShardSetException($"{dir}: not a shard bundle (no {ShardManifest.FileName}; `verify --shard K/N` writes one)");
        ShardManifest m;
        try { m = JsonSerializer.Deserialize<ShardManifest>(File.ReadAllText(path), options) ?? throw new ShardSetException($"{path}: empty"); }
        catch (Exception e) when (e is JsonException or NotSupportedException) { throw new ShardSetException($"{path}: not a shard manifest: {e.Message}"); }
        if (m.Shards < 1 || m.Shard < 1 || m.Shard > m.Shards) throw new ShardSetException($"{path}: shard {m.Shard}/{m.Shards} is not 1 ≤ K ≤ N");
        CampaignSlice? slice = null;
        if (m.Campaign)
        {
            var sp = Path.Combine(dir, ShardManifest.CampaignFileName);
            if (!File.Exists(sp)) throw new ShardSetException($"{dir}: the manifest says it ran a campaign slice but there is no {ShardManifest.CampaignFileName}");
            try { slice = TallyJson.Read(File.ReadAllText(sp)); }
            catch (FormatException e) { throw new ShardSetException($"{sp}: {e.Message}"); }
        }
        return new LoadedShard(dir, m, slice);
    }
}
