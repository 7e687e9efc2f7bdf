using MultiWallet.Checks.Catalog;
using MultiWallet.Checks.Invariants;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Recorded;

/// <summary>
/// `verify --trace-log FILE`: the generated campaign's faithful cases (those the PROP-INV-* properties judge, executed
/// again one at a time, since the campaign keeps no world, so memory stays flat at any budget) written as a recorded trace, one
/// case header per generated case. Cases a wall-clock limit made inconclusive, and cases whose run threw, are left out.
/// </summary>
public static class CampaignLog
{
    /// <summary>Writes the cases of <paramref name="embodiments"/> for <paramref name="ctx"/>'s seed and budget; the number of cases written.</summary>
    public static int Write(string path, CheckContext ctx, IEnumerable<Embodiment> embodiments)
    {
        using var writer = TraceLogWriter.Create(path);
        var written = 0;
        foreach (var e in embodiments)
        {
            foreach (var (c, i) in Campaign.Executed(ctx, e, ctx.Cases).Select((c, i) => (c, i)))
                if (c.Result is { } r && ConformanceLog.Write(writer, $"{e}#{i}", $"verify --seed {ctx.Seed} --cases {ctx.Cases} case {i} {Campaign.Replay(ctx, e)}", r))
                    written++;
        }
        return written;
    }
}
