using System.Collections.Concurrent;
using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;
using MultiWallet.Checks.Bridge;
using MultiWallet.Checks.Catalog;
using MultiWallet.Checks.Generators;
using MultiWallet.Impl.World;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Invariants;

/// <summary>
/// Generates and executes scenarios ONCE per (seed, budget, embodiment, parts) and shares the executions with every
/// invariant (cache). Generation: FsCheck generators sampled with Rnd(seed, gamma) — deterministic, so the replay
/// handle "(seed,gamma,size)" regenerates the same cases. Shrinking: the scenario shrinker, greedily, re-running
/// the failing invariant on each candidate.
/// </summary>
public static class Campaign
{
    public const ulong Gamma = 0x9E3779B97F4A7C15UL | 1UL;
    public const int Size = 20;

    /// <summary>
    /// The class counting cases a wall-clock limit cut short over HTTP (<see cref="Case.Inconclusive"/>): they measured
    /// the machine's load, so no invariant judges them; every property reports how many there were.
    /// </summary>
    public const string InconclusiveClass = "inconclusive:environment";
    /// <summary>Generated scenarios per embodiment: the context's budget (1000 for the audit, <see cref="CheckContext.TestCases"/> under `dotnet test`).</summary>
    public static int PerEmbodiment(CheckContext ctx) => ctx.Cases;

    public static string Replay(CheckContext ctx, Embodiment e) => $"({(ulong)ctx.Seed + (ulong)e},{Gamma},{Size})";

    /// <summary>Every embodiment, in order.</summary>
    public static readonly IReadOnlyList<Embodiment> All = [.. EmbodimentTraits.All.Select(t => t.Embodiment)];

    private static readonly ConcurrentDictionary<(int, int, Embodiment, string, WorldTransport), Lazy<(IReadOnlyList<Case> Cases, double Seconds)>> Cache = new();

    public static IReadOnlyList<GeneratedScenario> Generate(Embodiment e, int seed, int count) =>
        Gen.Sample(ScenarioGen.For(e), count, new Rnd((ulong)seed + (ulong)e, Gamma), Size).ToList();

    public static Case Execute(GeneratedScenario s, int seed, EmbodimentWorld.Parts? parts, WorldTransport transport = WorldTransport.InMemory)
    {
        try { return new Case(s, ConformanceRunner.Run(s.Topology, s.Script, s.Steps, seed, parts, transport: transport), null); }
        catch (Exception ex) { return new Case(s, null, $"{ex.GetType().Name}: {ex.Message}"); }
    }

    /// <summary>The shared executions for one embodiment (faithful world when <paramref name="partsKey"/> is "").</summary>
    public static (IReadOnlyList<Case> Cases, double Seconds) Cases(CheckContext ctx, Embodiment e, string partsKey = "", EmbodimentWorld.Parts? parts = null) =>
        Cache.GetOrAdd((ctx.Seed, PerEmbodiment(ctx), e, partsKey, ctx.Transport), _ => new(() =>
        {
            var sw = Stopwatch.StartNew();
            // Each case builds its own world (network, parties, trace) and shares only the per-seed PKI cache,
            // so cases run in parallel on every core; AsOrdered keeps the list, and so the report, deterministic.
            var list = Generate(e, ctx.Seed, PerEmbodiment(ctx))
                .AsParallel().AsOrdered().WithDegreeOfParallelism(Environment.ProcessorCount)
                .Select(s => Execute(s, ctx.Seed, parts, ctx.Transport))
                .ToList();
            return (list, sw.Elapsed.TotalSeconds);
        })).Value;

    /// <summary>Greedy shrinking: accept the first smaller candidate that still violates; at most <paramref name="budget"/> runs.</summary>
    public static (GeneratedScenario Scenario, string Violation, int Runs) Shrink(GeneratedScenario s, string violation, Func<Case, string?> violates, int seed, EmbodimentWorld.Parts? parts, int budget = 40)
    {
        var runs = 0;
        var progress = true;
        while (progress && runs < budget)
        {
            progress = false;
            foreach (var c in ScenarioGen.Shrink(s))
            {
                if (++runs > budget) break;
                var v = violates(Execute(c, seed, parts));
                if (v is null) continue;
                (s, violation, progress) = (c, v, true);
                break;
            }
        }
        return (s, violation, runs);
    }
}
