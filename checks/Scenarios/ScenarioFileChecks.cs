using MultiWallet.Audit.Commands;
using MultiWallet.Checks.Catalog;

namespace MultiWallet.Audit.Scenarios;

/// <summary>
/// Every file under scenarios/ as a catalog check `SCENARIO-&lt;file stem&gt;` (docs/DECISIONS.md, "Scenario files as catalog
/// checks"): the files are embedded in this assembly, so `dotnet test` and `audit verify` run the same entries, and each is
/// judged exactly as `check FILE` judges it (<see cref="ScenarioVerdict"/>) at the run's seed. Its requirement ids are
/// <see cref="ScenarioRequirements"/>'s.
/// </summary>
public static class ScenarioFileChecks
{
    /// <summary>The logical name prefix of the embedded files (MultiWallet.Checks.csproj).</summary>
    private const string Prefix = "MultiWallet.Checks.Scenarios.Files.";

    /// <summary>One embedded scenario file: its file name and text.</summary>
    private sealed record EmbeddedFile(string Name, string Text)
    {
        public string Stem => Path.GetFileNameWithoutExtension(Name);
        public string RepoPath => "scenarios/" + Name;
    }

    private static IEnumerable<EmbeddedFile> Files()
    {
        var asm = typeof(ScenarioFileChecks).Assembly;
        foreach (var name in asm.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(asm.GetManifestResourceStream(name)!);
            yield return new EmbeddedFile(name[Prefix.Length..], reader.ReadToEnd());
        }
    }

    /// <summary>The check id of a scenario file: SCENARIO- and its stem, upper case (as TRACE- ids are).</summary>
    public static string IdOf(string fileName) => "SCENARIO-" + Path.GetFileNameWithoutExtension(fileName).ToUpperInvariant();

    [CheckSource]
    public static IEnumerable<CheckEntry> Checks() => Files().Select(f =>
    {
        // A file that does not parse is a bug of the repository: the catalog refuses to load, naming file, line and field.
        var sc = ScenarioFile.Parse(f.Text, f.RepoPath);
        return new CheckEntry(
            new CheckAttribute(IdOf(f.Name))
            {
                Title = $"{f.RepoPath}{(sc.Title is { } t ? $" ({t})" : "")}: judged as `check` judges it (model and implementation agree, every expectation holds, no invariant violated)",
                Requirements = [.. ScenarioRequirements.Of(sc)],
                Embodiments = [sc.Topology.Embodiment],
                Kind = CheckKind.Example,
            },
            ctx => Check(ctx, sc));
    });

    /// <summary>Runs the file at the run's seed and judges it as `check FILE` does; every wake-up's outcome is logged.</summary>
    private static CheckOutcome Check(CheckContext ctx, ScenarioDocument sc)
    {
        var run = ScenarioExecution.Run(sc, ctx.Seed);
        foreach (var r in run.Reports)
            ctx.Log($"step {r.Step} {r.Input}: {r.RawOutcome ?? r.Outcome}{(r.ModelAgrees == false ? $" (model: {r.ModelOutcome}; {r.Divergence})" : "")}");
        var v = ScenarioVerdict.Of(run);
        var replay = $"dotnet run --project audit -- check {sc.Path} --seed {ctx.Seed}";
        if (v.Passed)
            return new CheckOutcome
            {
                Passed = true,
                CasesRun = 1,
                Message = $"{sc.Path}: {run.Reports.Count} wake-up(s), {(sc.Attack is null ? "model and implementation agree" : "every attack property holds")}, every expectation holds",
                Replay = replay,
            };
        var why = new List<string>();
        if (!v.Agree)
        {
            why.AddRange(run.Reports.Where(r => r.ModelAgrees == false).Select(r => $"step {r.Step}: model and implementation disagree ({r.Divergence})"));
            why.AddRange(run.Setup.Where(x => x.Divergence is not null).Select(x => $"step {x.Step} {x.Input}: {x.Divergence}"));
        }
        why.AddRange(v.Failed.Select(f => $"step {f.Step} (line {f.X.Line}) {f.X.Field}: expected {f.X.Expected}, model {f.X.Model ?? "-"}, implementation {f.X.Implementation ?? "(did not run)"}"));
        why.AddRange(v.Violated.Select(i => $"{i.Id} violated: {i.Violation}"));
        return new CheckOutcome { Passed = false, CasesRun = 1, Message = $"{sc.Path}: {string.Join("; ", why)}", Replay = replay };
    }
}
