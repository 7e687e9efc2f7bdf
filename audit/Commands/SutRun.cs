using System.Text.Json;
using System.Text.Json.Nodes;
using MultiWallet.Audit.Bundle;
using MultiWallet.Checks.Sut;
using MultiWallet.Model.Vocabulary;
using Spectre.Console;

namespace MultiWallet.Audit.Commands;

/// <summary>
/// `verify --sut ROLE=URL`: the generated campaign with a role played by a system under test (checks/Sut), reported on
/// the console and in <c>sut.json</c> under --out: the SUT (URL, reported name and version, roles replaced), each
/// embodiment's held / violated / protocol-failure / inconclusive / not-run counts, the exchange of each protocol failure,
/// and each shrunk counterexample with its replay handle.
/// </summary>
public sealed class SutRun(IAnsiConsole console, ErrorConsole errors)
{
    /// <summary>Runs the campaign; the exit code is verify's (0 held, 1 a failure, 2 unusable target, 4 only inconclusive).</summary>
    /// <remarks><paramref name="key"/> signs the result (sut.json, in --out as a bundle of its own); <paramref name="command"/> is the command line it records.</remarks>
    public int Execute(SutTarget target, int seed, int cases, IReadOnlyList<string> embodiments, string outDir, SigningKey key, string command, bool compare = false)
    {
        using var client = new SutClient(target);
        SutCampaignResult result;
        IReadOnlyList<Embodiment>? only = embodiments.Count == 0 ? null : [.. embodiments.Select(e => Enum.Parse<Embodiment>(e, ignoreCase: true))];
        try
        {
            result = SutCampaign.Run(client, seed, cases, only, (e, c) =>
            {
                if (c.Status is not (SutCaseStatus.Held or SutCaseStatus.NotRun))
                    console.MarkupLineInterpolated($"  {e} case {c.Index}: [yellow]{c.Status}[/] {c.Invariant ?? ""} {Short(c.Detail)}");
            }, attacked: (e, a) =>
            {
                if (a.Status is not (SutCaseStatus.Held or SutCaseStatus.NotRun))
                    console.MarkupLineInterpolated($"  {e} attacked case {a.Index}: [yellow]{a.Status}[/] {a.Property ?? ""} {Short(a.Detail)}");
            });
        }
        catch (Exception e) when (e is SutProtocolException or SutHangException)
        {
            errors.Console.MarkupLineInterpolated($"[red]the system under test at {target.Provisioning} cannot be used:[/] {e.Message}");
            if (e is SutProtocolException p) errors.Console.WriteLine(p.Exchange);
            return AuditApp.ExitUsage;
        }
        Print(result);
        var json = Json(result);
        if (compare)
        {
            // The same cases, one at a time, with our own master in-process: over loopback HTTP, then in memory.
            var http = SutCampaign.SecondsInProcess(target, seed, cases, only, MultiWallet.Impl.World.WorldTransport.Http);
            var memory = SutCampaign.SecondsInProcess(target, seed, cases, only, MultiWallet.Impl.World.WorldTransport.InMemory);
            var runnable = result.Embodiments.Sum(e => e.Cases.Count(c => c.Status != SutCaseStatus.NotRun));
            var sutSeconds = result.Embodiments.Sum(e => e.Seconds);
            console.WriteLine($"side by side, {runnable} cases, one at a time: against the SUT {sutSeconds:F1} s (honest cases and their shrinking; attacked cases apart), our MSW in-process over HTTP {http:F1} s, in memory {memory:F1} s");
            json["timing"] = new JsonObject { ["cases"] = runnable, ["sutSeconds"] = Math.Round(sutSeconds, 1), ["inProcessHttpSeconds"] = Math.Round(http, 1), ["inMemorySeconds"] = Math.Round(memory, 1) };
        }
        // The result is evidence too: sut.json in a bundle of its own, signed as verify signs its bundle (verify-bundle checks it).
        AtomicBundleDirectory.Write(outDir, dir =>
        {
            File.WriteAllText(Path.Combine(dir, "sut.json"), json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
            BundleSigner.Sign(dir, SutResultPredicate.Of(json, command), key);
        });
        console.WriteLine($"written {Path.Combine(outDir, "sut.json")}");
        BundleKey.Describe(key, console);
        return result.Failed ? AuditApp.ExitFailed : result.Inconclusive ? AuditApp.ExitInconclusive : AuditApp.ExitOk;
    }

    private static string Short(string? s) => s is null ? "" : (s.Length <= 160 ? s : s[..160] + "…").ReplaceLineEndings(" ");

    private void Print(SutCampaignResult r)
    {
        console.WriteLine($"system under test: {r.Info.Name} {r.Info.Version} at {r.Target.Provisioning} (roles replaced: {string.Join(", ", r.Target.Roles)})");
        var table = new Table().AddColumns("embodiment", "cases", "held", "violated", "protocol", "inconclusive", "not run", "seconds");
        foreach (var e in r.Embodiments)
            table.AddRow(e.Embodiment, e.Cases.Count.ToString(), e.Count(SutCaseStatus.Held).ToString(), e.Count(SutCaseStatus.Violated).ToString(),
                e.Count(SutCaseStatus.ProtocolFailure).ToString(), e.Count(SutCaseStatus.Inconclusive).ToString(), e.Count(SutCaseStatus.NotRun).ToString(), e.Seconds.ToString("F1"));
        console.Write(table);
        var attackTable = new Table().AddColumns("embodiment", "attacked", "fired", "held", "violated", "protocol", "inconclusive", "positions");
        foreach (var e in r.Embodiments)
            attackTable.AddRow(e.Embodiment, e.Attacks.Count.ToString(), e.Attacks.Count(a => a.Fired).ToString(), e.AttackCount(SutCaseStatus.Held).ToString(), e.AttackCount(SutCaseStatus.Violated).ToString(),
                e.AttackCount(SutCaseStatus.ProtocolFailure).ToString(), e.AttackCount(SutCaseStatus.Inconclusive).ToString(),
                string.Join(" ", e.Attacks.Select(a => MultiWallet.Checks.Attacks.Positions.Id(a.Case.Attack.Position)).Distinct().Order(StringComparer.Ordinal)));
        console.Write(attackTable);
        foreach (var e in r.Embodiments.Where(e => e.AttackCounterexample is not null))
        {
            var c = e.AttackCounterexample!;
            console.WriteLine($"attack counterexample {c.Embodiment} attacked case {c.CaseIndex}, replay {c.Replay} (seed {r.Seed}), {c.Invariant}, shrunk in {c.ShrinkRuns} runs against the SUT:");
            console.WriteLine(c.Shrunk);
            console.WriteLine("violation: " + c.Violation);
        }
        foreach (var e in r.Embodiments.Where(e => e.Counterexample is not null))
        {
            var c = e.Counterexample!;
            console.WriteLine($"counterexample {c.Embodiment} case {c.CaseIndex}, replay {c.Replay} (seed {r.Seed}), {c.Invariant}, shrunk in {c.ShrinkRuns} runs against the SUT:");
            console.WriteLine(c.Shrunk);
            console.WriteLine("violation: " + c.Violation);
        }
        foreach (var e in r.Embodiments)
            foreach (var (what, n) in e.NotAssessed)
                console.WriteLine($"not assessed in {e.Embodiment} ({n} held case(s)): {what}");
        foreach (var p in r.Embodiments.SelectMany(e => e.Cases.Where(c => c.Status == SutCaseStatus.ProtocolFailure).Take(1).Select(c => (e.Embodiment, c))))
            console.WriteLine($"protocol failure {p.Embodiment} case {p.c.Index}:\n{p.c.Detail}");
        console.WriteLine($"attacker against the SUT: {r.Embodiments.Sum(e => e.Attacks.Count)} attacked cases ({r.Embodiments.Sum(e => e.Attacks.Count(a => a.Fired))} fired), {r.AttackCount(SutCaseStatus.Held)} held, "
            + $"{r.AttackCount(SutCaseStatus.Violated)} violated, {r.AttackCount(SutCaseStatus.ProtocolFailure)} protocol failures, {r.AttackCount(SutCaseStatus.Inconclusive)} inconclusive, {r.Embodiments.Sum(e => e.AttackSeconds):F1} s");
        console.WriteLine($"campaign against the SUT: {r.Count(SutCaseStatus.Held)} held, {r.Count(SutCaseStatus.Violated)} violated, {r.Count(SutCaseStatus.ProtocolFailure)} protocol failures, "
            + $"{r.Count(SutCaseStatus.Inconclusive)} inconclusive, {r.Count(SutCaseStatus.NotRun)} not run (position inside the SUT), {r.Seconds:F1} s");
    }

    private static JsonObject Json(SutCampaignResult r) => new()
    {
        ["sut"] = new JsonObject
        {
            ["url"] = r.Target.Provisioning.ToString(),
            ["name"] = r.Info.Name,
            ["version"] = r.Info.Version,
            ["rolesReplaced"] = new JsonArray([.. r.Target.Roles.Select(x => (JsonNode)x)]),
            ["rolesReported"] = new JsonArray([.. r.Info.Roles.Select(x => (JsonNode)x)]),
        },
        ["seed"] = r.Seed,
        ["casesPerEmbodiment"] = r.PerEmbodiment,
        ["verdict"] = r.Failed ? "fails" : r.Inconclusive ? "inconclusive" : "holds",
        ["embodiments"] = new JsonArray([.. r.Embodiments.Select(e => (JsonNode)new JsonObject
        {
            ["embodiment"] = e.Embodiment,
            ["replay"] = e.Replay,
            ["held"] = e.Count(SutCaseStatus.Held),
            ["violated"] = e.Count(SutCaseStatus.Violated),
            ["protocolFailures"] = e.Count(SutCaseStatus.ProtocolFailure),
            ["inconclusive"] = e.Count(SutCaseStatus.Inconclusive),
            ["notRun"] = e.Count(SutCaseStatus.NotRun),
            ["notAssessed"] = new JsonObject([.. e.NotAssessed.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))]),
            ["cases"] = new JsonArray([.. e.Cases.Where(c => c.Status != SutCaseStatus.Held).Select(c => (JsonNode)new JsonObject
            {
                ["index"] = c.Index, ["status"] = c.Status.ToString(), ["invariant"] = c.Invariant, ["detail"] = c.Detail,
            })]),
            ["attacks"] = new JsonObject
            {
                ["replay"] = MultiWallet.Checks.Attacks.AttackCampaign.Replay(r.Seed, Enum.Parse<Embodiment>(e.Embodiment)),
                ["run"] = e.Attacks.Count(a => a.Status != SutCaseStatus.NotRun),
                ["fired"] = e.Attacks.Count(a => a.Fired),
                ["held"] = e.AttackCount(SutCaseStatus.Held),
                ["violated"] = e.AttackCount(SutCaseStatus.Violated),
                ["protocolFailures"] = e.AttackCount(SutCaseStatus.ProtocolFailure),
                ["inconclusive"] = e.AttackCount(SutCaseStatus.Inconclusive),
                ["cases"] = new JsonArray([.. e.Attacks.Select(a => (JsonNode)new JsonObject
                {
                    ["index"] = a.Index, ["position"] = MultiWallet.Checks.Attacks.Positions.Id(a.Case.Attack.Position), ["fired"] = a.Fired,
                    ["status"] = a.Status.ToString(), ["property"] = a.Property, ["detail"] = a.Detail,
                })]),
                ["counterexample"] = e.AttackCounterexample is not { } ac ? null : new JsonObject
                {
                    ["case"] = ac.CaseIndex, ["property"] = ac.Invariant, ["violation"] = ac.Violation, ["shrunk"] = ac.Shrunk, ["original"] = ac.Original, ["shrinkRuns"] = ac.ShrinkRuns,
                },
            },
            ["counterexample"] = e.Counterexample is not { } c ? null : new JsonObject
            {
                ["case"] = c.CaseIndex, ["invariant"] = c.Invariant, ["violation"] = c.Violation, ["shrunk"] = c.Shrunk, ["original"] = c.Original, ["shrinkRuns"] = c.ShrinkRuns,
            },
        })]),
    };
}
