using System.Diagnostics;
using MultiWallet.Checks.Bridge;
using MultiWallet.Checks.Generators;
using MultiWallet.Checks.Invariants;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Sut;

/// <summary>
/// The generated campaign with a role played by a system under test, the model as oracle: the same cases as the
/// in-process campaign (same generators, seed and budget), run one at a time (a SUT is provisioned for one topology at a
/// time) over HTTP, each judged by every invariant that applies to its embodiment. A case whose fault or crash would
/// have to be injected inside the SUT is not run (<see cref="SutSession.NotRunnable"/>), never counted as held. The first
/// violation per embodiment is shrunk with the generators' shrinker, every candidate re-run against the SUT.
/// </summary>
public static class SutCampaign
{
    /// <summary>The embodiments in which the SUT's role exists.</summary>
    public static IReadOnlyList<Embodiment> EmbodimentsOf(SutTarget target) =>
        target.PlaysPc ? [.. Campaign.All.Where(e => !EmbodimentTraits.Of(e).IsMasterSlave)]
        : target.PlaysMaster || target.PlaysSlaves ? [.. Campaign.All.Where(e => EmbodimentTraits.Of(e).IsMasterSlave)] : [];

    /// <summary>Runs <paramref name="perEmbodiment"/> cases of each embodiment of the SUT's role; <paramref name="progress"/> hears each case.</summary>
    /// <remarks>After the honest cases, <see cref="SutAttackCampaign.Budget"/> attacked cases of each embodiment (<paramref name="attacked"/> hears each).</remarks>
    public static SutCampaignResult Run(SutClient client, int seed, int perEmbodiment, IReadOnlyList<Embodiment>? only = null, Action<Embodiment, SutCaseResult>? progress = null, int shrinkBudget = 40,
        Action<Embodiment, SutAttackResult>? attacked = null)
    {
        var info = client.Info();
        var wall = Stopwatch.StartNew();
        var results = new List<SutEmbodimentResult>();
        foreach (var e in EmbodimentsOf(client.Target).Where(e => only is null || only.Contains(e)))
        {
            var sw = Stopwatch.StartNew();
            var cases = new List<SutCaseResult>();
            SutCounterexample? counterexample = null;
            var i = 0;
            foreach (var scenario in Campaign.Stream(e, seed).Take(perEmbodiment))
            {
                var r = Judge(client, scenario, i++, seed);
                cases.Add(r);
                progress?.Invoke(e, r);
                if (r.Status == SutCaseStatus.Violated && counterexample is null)
                    counterexample = Shrink(client, e, r, seed, shrinkBudget);
            }
            var honestSeconds = sw.Elapsed.TotalSeconds;
            var attacks = SutAttackCampaign.Run(client, e, seed, perEmbodiment, r => attacked?.Invoke(e, r));
            var attackCounterexample = attacks.FirstOrDefault(a => a.Status == SutCaseStatus.Violated) is { } first ? SutAttackCampaign.Shrink(client, e, first, seed, shrinkBudget) : null;
            results.Add(new SutEmbodimentResult(e.ToString(), Campaign.Replay(seed, e), cases, counterexample, honestSeconds)
            {
                Attacks = attacks, AttackCounterexample = attackCounterexample, AttackSeconds = sw.Elapsed.TotalSeconds - honestSeconds,
            });
        }
        return new SutCampaignResult(client.Target, info, seed, perEmbodiment, results, wall.Elapsed.TotalSeconds);
    }

    /// <summary>Runs one case against the SUT and judges it with every applicable invariant.</summary>
    public static SutCaseResult Judge(SutClient client, GeneratedScenario s, int index, int seed)
    {
        if (SutSession.NotRunnable(s.Steps, client.Target) is { } why) return new(index, s, SutCaseStatus.NotRun, null, why);
        ConformanceResult run;
        try { run = ConformanceRunner.Run(s.Topology, s.Script, s.Steps, seed, sut: client); }
        catch (SutUnsupportedException u) { return new(index, s, SutCaseStatus.NotRun, null, "the SUT declared it unsupported: " + u.Message); }
        catch (SutHangException h) { return new(index, s, SutCaseStatus.Inconclusive, null, h.Exchange); }
        catch (SutProtocolException p) { return new(index, s, SutCaseStatus.ProtocolFailure, null, p.Message + "\n" + p.Exchange); }
        var c = new Case(s, run, null);
        if (c.Inconclusive is { } inconclusive) return new(index, s, SutCaseStatus.Inconclusive, null, inconclusive);
        foreach (var inv in Invariants.Invariants.AllInvariants.Where(i => i.Applies(s.Topology.Embodiment)))
            if (inv.Eval(c, new List<string>()) is { } v) return new(index, s, SutCaseStatus.Violated, inv.Id, v);
        return new(index, s, SutCaseStatus.Held, null, null) { NotAssessed = Unobservable(s, run) };
    }

    /// <summary>The parts of the invariants a held case did not assess because the SUT reported nothing of them.</summary>
    private static IReadOnlyList<string> Unobservable(GeneratedScenario s, ConformanceResult run) =>
        run.Built.Sut is { TraceServed: false, PlaysMaster: true } && s.Topology.Embodiment == Embodiment.E8
            ? ["INV-CUSTODY: the master erases each borrowed credential (E8; the SUT serves no GET /provision/trace)"]
            : [];

    /// <summary>
    /// Wall-clock seconds the same cases take with our own master in-process on <paramref name="transport"/>, one at a
    /// time as against a SUT (the side-by-side figure of `verify --sut … --sut-compare`; no verdict reads it).
    /// </summary>
    public static double SecondsInProcess(SutTarget target, int seed, int perEmbodiment, IReadOnlyList<Embodiment>? only, Impl.World.WorldTransport transport)
    {
        var wall = Stopwatch.StartNew();
        foreach (var e in EmbodimentsOf(target).Where(e => only is null || only.Contains(e)))
            foreach (var s in Campaign.Stream(e, seed).Take(perEmbodiment))
                if (SutSession.NotRunnable(s.Steps, target) is null) Campaign.Execute(s, seed, null, transport);
        return wall.Elapsed.TotalSeconds;
    }

    /// <summary>Greedy shrinking against the SUT: the first smaller case that still violates the same invariant is kept.</summary>
    private static SutCounterexample Shrink(SutClient client, Embodiment e, SutCaseResult found, int seed, int budget)
    {
        var (s, violation, runs, progress) = (found.Scenario, found.Detail!, 0, true);
        while (progress && runs < budget)
        {
            progress = false;
            foreach (var candidate in ScenarioGen.Shrink(s))
            {
                if (++runs > budget) break;
                var r = Judge(client, candidate, found.Index, seed);
                if (r.Status != SutCaseStatus.Violated || r.Invariant != found.Invariant) continue;
                (s, violation, progress) = (candidate, r.Detail!, true);
                break;
            }
        }
        return new SutCounterexample(e.ToString(), found.Index, Campaign.Replay(seed, e), found.Invariant!, violation,
            ConformanceRunner.Describe(found.Scenario.Topology, found.Scenario.Script, found.Scenario.Steps),
            ConformanceRunner.Describe(s.Topology, s.Script, s.Steps), Math.Min(runs, budget));
    }
}
