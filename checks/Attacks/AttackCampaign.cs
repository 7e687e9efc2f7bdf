using System.Collections.Concurrent;
using System.Diagnostics;
using FsCheck;
using MultiWallet.Checks.Catalog;
using MultiWallet.Checks.Generators;
using MultiWallet.Checks.Invariants;
using MultiWallet.Impl.World;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Attacks;

/// <summary>
/// The attacker campaign: generates attacked scenarios per embodiment from the seed (FsCheck generators sampled with
/// <c>Rnd(seed + embodiment + Offset, gamma)</c>, their merchants from the stream <see cref="Campaign.MerchantOffset"/> further on, so a seed replays them and they differ from the honest campaign's),
/// executes each once (in parallel, one world per case), judges it with every attack property and folds the verdicts into a
/// per-embodiment <see cref="AttackTally"/> that every attack check reads; shrinks a
/// counterexample greedily with <see cref="AttackGen.Shrink"/>, re-running only the violated property.
/// </summary>
public static class AttackCampaign
{
    /// <summary>Keeps the attacked scenarios' random stream apart from the honest campaign's for the same seed.</summary>
    public const ulong Offset = 0xA77AC4;

    /// <summary>The fewest attacked scenarios per embodiment: enough for every class the properties require at the test budget.</summary>
    public const int MinCases = 16;

    /// <summary>Attacked scenarios per embodiment: a tenth of the honest budget, at least <see cref="MinCases"/>.</summary>
    public static int PerEmbodiment(CheckContext ctx) => Math.Max(MinCases, ctx.Cases / 10);

    /// <summary>The replay handle of an embodiment's attacked scenarios.</summary>
    public static string Replay(CheckContext ctx, Embodiment e) => Replay(ctx.Seed, e);

    /// <summary>The replay handle of an embodiment's attacked scenarios for <paramref name="seed"/>.</summary>
    public static string Replay(int seed, Embodiment e) => $"({(ulong)seed + (ulong)e + Offset},{Campaign.Gamma},{Campaign.Size})";

    private static readonly ConcurrentDictionary<(int, int, Embodiment, WorldTransport), Lazy<AttackTally>> Cache = new();

    /// <summary>The attacked scenarios of one embodiment for a seed, lazily and without end (prefix-stable, like <see cref="Campaign.Stream"/>).</summary>
    public static IEnumerable<AttackedScenario> Stream(Embodiment e, int seed) =>
        SampleStream.Of(AttackGen.Draft(e), new Rnd((ulong)seed + (ulong)e + Offset, Campaign.Gamma), Campaign.Size)
            .Zip(Campaign.MerchantStream((ulong)seed + (ulong)e + Offset), AttackGen.Place);

    /// <summary>The first <paramref name="count"/> attacked scenarios of one embodiment for a seed, as a list (for small counts; a budget-sized caller enumerates <see cref="Stream"/>).</summary>
    public static IReadOnlyList<AttackedScenario> Generate(Embodiment e, int seed, int count) => [.. Stream(e, seed).Take(count)];

    /// <summary>
    /// The shared tally of one embodiment's attacked runs: executed once per (seed, budget, transport), a window at a time
    /// on every core, each run judged by every attack property and folded in case-index order, then dropped
    /// (<see cref="AttackTally"/>), so the campaign's memory does not grow with its budget.
    /// </summary>
    public static AttackTally Tally(CheckContext ctx, Embodiment e) =>
        Cache.GetOrAdd((ctx.Seed, PerEmbodiment(ctx), e, ctx.Transport), _ => new(() =>
        {
            var sw = Stopwatch.StartNew();
            var tally = new AttackTally(e);
            foreach (var judged in OrderedWindows.Map(Stream(e, ctx.Seed).Take(PerEmbodiment(ctx)), c => AttackTally.Judge(e, AttackRunner.Run(c, ctx.Seed, ctx.Transport))))
                tally.Observe(judged);
            tally.Seconds = sw.Elapsed.TotalSeconds;
            return tally;
        })).Value;

    /// <summary>Greedy shrinking: the first smaller candidate that still violates is taken; at most <paramref name="budget"/> runs.</summary>
    public static (AttackedScenario Case, string Violation) Shrink(AttackedScenario c, string violation, Func<AttackRun, string?> violates, int seed, WorldTransport transport, int budget = 40,
        EmbodimentWorld.Parts? parts = null)
    {
        var runs = 0;
        var progress = true;
        while (progress && runs < budget)
        {
            progress = false;
            foreach (var candidate in AttackGen.Shrink(c))
            {
                if (++runs > budget) break;
                var run = AttackRunner.Run(candidate, seed, transport, parts);
                if (run.Inconclusive is not null || violates(run) is not { } v) continue;
                (c, violation, progress) = (candidate, v, true);
                break;
            }
        }
        return (c, violation);
    }
}
