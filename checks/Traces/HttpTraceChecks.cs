using MultiWallet.Checks.Catalog;
using MultiWallet.Checks.Traces.Scenarios;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.World;

namespace MultiWallet.Checks.Traces;

/// <summary>
/// The transport must not change what the suite sees: every canonical scenario (the twelve patent examples and every decided edge case)
/// crosses real loopback sockets — Kestrel per party, HttpClient per sender — with the same outcomes and a
/// byte-identical rendered trace as in memory. Only the network implementation differs.
/// </summary>
internal static class HttpTraceChecks
{
    [Check("TRACE-HTTP-EQUALS-INMEMORY", Title = "every canonical scenario over HTTP (loopback Kestrel) renders the same trace and outcomes as in memory",
        Requirements = ["INV-CONFORM", "INV-PROXY-TRANSPARENT", "E1", "E2", "E3", "E4", "E5", "E6", "E7", "E8", "E9", "E10", "E11", "E12"],
        AllEmbodiments = true, Kind = CheckKind.Trace)]
    public static CheckOutcome HttpEqualsInMemory(CheckContext ctx)
    {
        var problems = new List<string>();
        var environment = new List<string>();
        var count = 0;
        // Each scenario runs in worlds of its own (its own loopback servers), so they run side by side, one per core, and are
        // compared afterwards in catalog order: the verdict and its message are the sequential run's.
        var runs = CanonicalScenarios.All.AsParallel().AsOrdered().WithDegreeOfParallelism(Environment.ProcessorCount)
            .Select(s => (Scenario: s, Memory: TraceScenarioRunner.Run(s), Http: OverHttp(s))).ToList();
        foreach (var (s, memory, over) in runs)
        {
            count++;
            if (over.Limit is { } limit)
            {
                environment.Add($"{s.Name}: {limit.Message}");
                continue;
            }
            var http = over.Result!;
            var a = memory.Trace.Render();
            var b = http.Trace.Render();
            // A Timeout the in-memory run does not decide was the wall clock's over HTTP: the machine, not the system.
            if (a != b && Timeouts(b) > Timeouts(a))
            {
                environment.Add($"{s.Name}: {Timeouts(b) - Timeouts(a)} send(s) timed out on the wall clock");
                continue;
            }
            // So was a connection refused or broken though its party listened.
            if (a != b && http.Refusals > 0)
            {
                environment.Add($"{s.Name}: {http.Refusals} send(s) refused or broken by the transport");
                continue;
            }
            if (a != b)
            {
                var la = a.Split('\n');
                var lb = b.Split('\n');
                var i = Enumerable.Range(0, Math.Min(la.Length, lb.Length)).FirstOrDefault(k => la[k] != lb[k], Math.Min(la.Length, lb.Length));
                problems.Add($"{s.Name}: first difference at trace line {i + 1}:\n  in-memory: {(i < la.Length ? la[i] : "(end)")}\n  http:      {(i < lb.Length ? lb[i] : "(end)")}");
            }
            problems.AddRange(http.Problems().Select(p => $"{s.Name} over HTTP: {p}"));
        }
        if (problems.Count == 0 && environment.Count > 0)
            return CheckOutcome.InconclusiveEnvironment(string.Join("; ", environment), count);
        return problems.Count == 0
            ? CheckOutcome.Pass($"{count} scenarios over HTTP equal in memory", count)
            : CheckOutcome.Fail(string.Join("\n", problems), count);
    }

    private static int Timeouts(string trace) => trace.Split('\n').Count(l => l.Contains("* network  Timeout", StringComparison.Ordinal));

    /// <summary>The scenario over HTTP, or the wall-clock limit that cut it short.</summary>
    private static (TraceScenarioResult? Result, WallClockLimitException? Limit) OverHttp(TraceScenario s)
    {
        try { return (TraceScenarioRunner.Run(s, WorldTransport.Http), null); }
        catch (WallClockLimitException e) { return (null, e); }
    }
}
