using System.Globalization;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Audit.Sharding;

/// <summary>
/// One shard of a sharded `verify`: shard <see cref="K"/> of <see cref="N"/>. The shared campaign's cases are dealt
/// round-robin over the whole campaign: case <c>i</c> of embodiment <c>e</c> (1-based, E1..E12) belongs to shard
/// <c>((e-1) × budget + i) mod N + 1</c>, so every shard gets about the same number of cases of every embodiment. Every
/// other selected check belongs to the shard at its position in the id-sorted selection, mod N.
/// </summary>
/// <param name="K">The shard, 1 ≤ K ≤ N.</param>
/// <param name="N">How many shards the run is split into.</param>
public sealed record ShardSpec(int K, int N)
{
    /// <summary>Parses "K/N" (1 ≤ K ≤ N), or returns null saying why not.</summary>
    public static ShardSpec? Parse(string text, out string? error)
    {
        var parts = text.Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var k)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            error = $"--shard: {text} is not K/N (e.g. 2/4)";
            return null;
        }
        if (n < 1 || k < 1 || k > n)
        {
            error = $"--shard: {text} needs 1 ≤ K ≤ N";
            return null;
        }
        error = null;
        return new ShardSpec(k, n);
    }

    /// <summary>Whether case <paramref name="index"/> of <paramref name="e"/>'s campaign, at <paramref name="budget"/> cases per embodiment, is this shard's.</summary>
    public bool OwnsCase(Embodiment e, int index, int budget) => (int)((((long)e - 1) * budget + index) % N) + 1 == K;

    /// <summary>Whether the non-campaign check at <paramref name="position"/> of the id-sorted selection is this shard's.</summary>
    public bool OwnsCheck(int position) => position % N + 1 == K;

    /// <summary>The entry the shard adds to the run's filter (evidence.json's reproducibility block; the verdict model reads it).</summary>
    public string FilterEntry => $"--shard {K}/{N}";

    /// <inheritdoc/>
    public override string ToString() => $"{K}/{N}";
}
