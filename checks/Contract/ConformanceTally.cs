using System.Text;
using MultiWallet.Checks.Bridge;
using MultiWallet.Checks.Generators;
using MultiWallet.Impl.Network;

namespace MultiWallet.Checks.Contract;

/// <summary>What the contract said about a run's messages: how many of each kind, and every violation with the case that showed it.</summary>
internal sealed class ConformanceTally
{
    private readonly SortedDictionary<string, int> kinds = new(StringComparer.Ordinal);

    /// <summary>Messages seen, per kind.</summary>
    public IReadOnlyDictionary<string, int> Kinds => kinds;

    /// <summary>Messages seen.</summary>
    public int Messages { get; private set; }

    /// <summary>Every violation, with its embodiment.</summary>
    public List<string> Failures { get; } = [];

    /// <summary>The generated case of the first violation, readable.</summary>
    public string? FirstCase { get; private set; }

    /// <summary>The class of a message carrying a PI envelope the campaign tampered with (it must not open, and did not).</summary>
    public const string TamperedPiClass = "tampered PI envelope refused by the contract (the campaign's bad input)";

    private readonly SortedDictionary<string, int> classes = new(StringComparer.Ordinal);

    /// <summary>Messages counted in a class of their own (not violations), per class.</summary>
    public IReadOnlyDictionary<string, int> Classes => classes;

    /// <summary>Counts <paramref name="m"/> and records its violations; <paramref name="cls"/> counts it in a class of its own too.</summary>
    public void Add(string embodiment, GeneratedScenario? scenario, NetMessage m, IReadOnlyList<string> violations, string? cls = null)
    {
        Messages++;
        if (cls is not null) classes[cls] = classes.GetValueOrDefault(cls) + 1;
        kinds[m.Kind] = kinds.GetValueOrDefault(m.Kind) + 1;
        if (violations.Count == 0) return;
        Failures.Add($"{embodiment}: {string.Join("\n  ", violations)}");
        if (FirstCase is null && scenario is not null)
            FirstCase = ConformanceRunner.Describe(scenario.Topology, scenario.Script, scenario.Steps);
    }

    /// <summary>One line per kind.</summary>
    public string Render()
    {
        var sb = new StringBuilder($"{Messages} messages, {Failures.Count} violating\n");
        foreach (var (k, n) in kinds) sb.Append($"  {k,-22} {n,7}\n");
        foreach (var (k, n) in classes) sb.Append($"  {k}: {n}\n");
        return sb.ToString().TrimEnd();
    }
}
