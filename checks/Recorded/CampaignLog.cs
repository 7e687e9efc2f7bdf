using MultiWallet.Checks.Catalog;
using MultiWallet.Checks.Invariants;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Recorded;

/// <summary>
/// `verify --trace-log FILE`: the generated campaign's faithful cases (those the PROP-INV-* properties judge, shared
/// through the campaign's cache, so writing them re-runs nothing when the properties ran) written as a recorded trace, one
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
            var (cases, _) = Campaign.Cases(ctx, e);
            for (var i = 0; i < cases.Count; i++)
                if (cases[i].Result is { } r && ConformanceLog.Write(writer, $"{e}#{i}", $"verify --seed {ctx.Seed} --cases {ctx.Cases} case {i} {Campaign.Replay(ctx, e)}", r))
                    written++;
        }
        return written;
    }
}
