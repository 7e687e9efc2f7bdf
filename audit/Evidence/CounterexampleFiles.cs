using MultiWallet.Audit.Scenarios;
using MultiWallet.Checks.Catalog;

namespace MultiWallet.Audit.Evidence;

/// <summary>
/// Writes every shrunk counterexample of a run (<see cref="CounterexampleScenario"/> evidence: generated properties,
/// seeded faults, the attacker campaign's properties and attack faults, with their attack) as a scenario file under the evidence directory's counterexamples/, named CHECK-Ek.yaml, so that
/// `check FILE` reproduces the failure and `verify --replay FILE` re-runs that one case with every invariant.
/// </summary>
public static class CounterexampleFiles
{
    /// <summary>The folder under the evidence directory.</summary>
    public const string Folder = "counterexamples";

    /// <summary>
    /// Writes the bundle's counterexamples; returns the paths written, in the order E1, E2, …, E12 (none: nothing written).
    /// <paramref name="shownAs"/> is the directory the files' replay commands name, when they are written into a temporary
    /// folder that is renamed into place afterwards.
    /// </summary>
    public static IReadOnlyList<string> Write(EvidenceBundle bundle, string dir, string? shownAs = null) =>
        Write(bundle.Checks.SelectMany(c => c.Evidence.OfType<CounterexampleScenario>()), dir, shownAs);

    /// <summary>Writes <paramref name="counterexamples"/> under <paramref name="dir"/>/counterexamples; returns the paths written.</summary>
    public static IReadOnlyList<string> Write(IEnumerable<CounterexampleScenario> counterexamples, string dir, string? shownAs = null)
    {
        var list = counterexamples.OrderBy(c => c.Embodiment).ThenBy(c => c.CheckId, NaturalOrder.Instance).ToList();
        if (list.Count == 0) return [];
        var folder = Directory.CreateDirectory(Path.Combine(dir, Folder)).FullName;
        var paths = new List<string>();
        foreach (var c in list)
        {
            var path = Path.Combine(folder, $"{c.CheckId}-{c.Embodiment}.yaml");
            var final = shownAs is null ? path : Path.Combine(Path.GetFullPath(shownAs), Folder, Path.GetFileName(path));
            var shown = Path.GetRelativePath(Directory.GetCurrentDirectory(), final);
            File.WriteAllText(path, Text(c, shown.StartsWith("..", StringComparison.Ordinal) ? final : shown));
            paths.Add(path);
        }
        return paths;
    }

    /// <summary>The scenario file of one counterexample, with a header saying where it came from and how to replay it.</summary>
    public static string Text(CounterexampleScenario c, string path) =>
        $"# shrunk counterexample of {c.CheckId} in {c.Embodiment}{(c.SeededFault is null ? "" : $", played in the world of the seeded fault {c.SeededFault}")}\n" +
        $"# reproduce: dotnet run --project audit -- check {path}    (exit 1)\n" +
        $"# re-run this one case with every invariant: dotnet run --project audit -- verify --replay {path}\n" +
        ScenarioWriter.Write(c.Topology, c.Script, c.Steps, $"counterexample of {c.CheckId}: {c.Violation.ReplaceLineEndings(" ")}", c.SeededFault, c.Attack);
}
