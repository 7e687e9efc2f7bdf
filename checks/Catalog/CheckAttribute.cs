using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Catalog;

/// <summary>
/// Marks a static method <c>CheckOutcome M(CheckContext ctx)</c> as one entry of the check catalog.
/// The catalog is the single list of checks: xunit runs it (the test project) and so does
/// the audit command, so no check is written twice.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class CheckAttribute(string id) : Attribute
{
    /// <summary>Stable id, e.g. <c>SET-DUALSIG-TAMPER-OI</c>; evidence and replays name it.</summary>
    public string Id { get; } = id;

    /// <summary>One line saying what is checked.</summary>
    public string Title { get; set; } = "";

    /// <summary>Requirement ids from SPEC.md: E*, C*, INV-*.</summary>
    public string[] Requirements { get; set; } = [];

    /// <summary>Embodiments the check exercises; empty (and <see cref="AllEmbodiments"/> false) means the SET core shared by all.</summary>
    public Embodiment[] Embodiments { get; set; } = [];

    /// <summary>The check exercises every embodiment (a property over generated scenarios of all twelve, say).</summary>
    public bool AllEmbodiments { get; set; }

    /// <summary>The embodiments the check exercises, <see cref="AllEmbodiments"/> expanded, in order.</summary>
    public IReadOnlyList<Embodiment> Exercised => AllEmbodiments ? Enum.GetValues<Embodiment>() : [.. Embodiments.Distinct().Order()];

    /// <summary>What sort of evidence the check gives (the audit's phase).</summary>
    public CheckKind Kind { get; set; } = CheckKind.Example;

    /// <summary>
    /// The check runs alone, never beside another check of its phase: it holds a wall-clock limit (a loaded core could
    /// make it inconclusive) or measures its own cost. Every other check shares no mutable state and runs side by side.
    /// </summary>
    public bool Exclusive { get; set; }

    /// <summary>
    /// The attribute of a generated property built from a list (an invariant, an attack invariant): it cites
    /// <paramref name="requirements"/> and exercises <paramref name="embodiments"/>, marked "all" when that is every embodiment.
    /// </summary>
    public static CheckAttribute Property(string id, string title, IEnumerable<string> requirements, IReadOnlyCollection<Embodiment> embodiments)
    {
        var all = embodiments.Count == Enum.GetValues<Embodiment>().Length;
        return new CheckAttribute(id)
        {
            Title = title,
            Requirements = [.. requirements],
            AllEmbodiments = all,
            Embodiments = all ? [] : [.. embodiments],
            Kind = CheckKind.Property,
        };
    }
}
