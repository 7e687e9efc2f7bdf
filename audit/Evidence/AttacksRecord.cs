using System.Text.Json.Serialization;
using MultiWallet.Checks.Catalog;

namespace MultiWallet.Audit.Evidence;

/// <summary>
/// The "attacks" section of evidence.json: what the attacker campaign tried per embodiment × attacker position, which
/// properties held there, the campaign's totals and its cost against the honest campaign (docs/THREATS.md, "The
/// attacker campaign"). Read from the <see cref="AttackEvidence"/> that <c>ATTACK-CAMPAIGN</c> publishes.
/// </summary>
/// <param name="FromCheck">The check that published it.</param>
/// <param name="Positions">The attacker positions, in the campaign's order (the report's columns).</param>
/// <param name="Cells">Every embodiment × position the embodiment has; an embodiment without a position has no cell for it.</param>
/// <param name="AttackedCases">Attacked scenarios run in all.</param>
/// <param name="CellsReached">Cells where some attack step fired.</param>
/// <param name="Steps">Attack steps that fired over the run.</param>
/// <param name="StepsByKind">Attack steps that fired over the run, by kind (substitutions of every field together).</param>
/// <param name="Properties">Every attack property, in the campaign's order, over all cells.</param>
/// <param name="Cost">The campaign's cost against the honest one (wall-clock: timings.json).</param>
public sealed record AttacksRecord(
    string FromCheck, IReadOnlyList<string> Positions, IReadOnlyList<AttackCellRecord> Cells, int AttackedCases, int CellsReached,
    int Steps, IReadOnlyDictionary<string, int> StepsByKind, IReadOnlyList<AttackPropertyRecord> Properties, [property: JsonIgnore] AttackCostRecord Cost)
{
    /// <summary>Properties that held over the whole campaign.</summary>
    public int PropertiesHeld => Properties.Count(p => p.Held);

    /// <summary>The cell of <paramref name="embodiment"/> at <paramref name="position"/>, or null where the embodiment has no such position.</summary>
    public AttackCellRecord? Cell(string embodiment, string position) =>
        Cells.FirstOrDefault(c => c.Embodiment == embodiment && c.Position == position);

    /// <summary>The section for one campaign's evidence.</summary>
    public static AttacksRecord From(string checkId, AttackEvidence e)
    {
        var cells = e.Cells.Select(Cell).ToList();
        // Columns: the positions of the embodiment that has the most, then any other, in the order the cells name them.
        var positions = e.Cells.GroupBy(c => c.Embodiment).OrderByDescending(g => g.Count()).SelectMany(g => g.Select(c => c.Position)).Distinct().ToList();
        var byKind = e.Cells.SelectMany(c => c.Tried).GroupBy(t => Kind(t.Key), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(t => t.Value), StringComparer.Ordinal);
        var properties = cells.SelectMany(c => c.Held.Concat(c.Violated).Concat(c.Unexercised)).Distinct().Select(id =>
        {
            int held = cells.Count(c => c.Held.Contains(id)), violated = cells.Count(c => c.Violated.Contains(id));
            return new AttackPropertyRecord(id, held, violated, cells.Count(c => c.Unexercised.Contains(id)), held > 0 && violated == 0);
        }).ToList();
        return new AttacksRecord(checkId, positions, cells, e.AttackCases, cells.Count(c => c.Steps > 0), byKind.Values.Sum(), byKind, properties, CostOf(e));
    }

    private static string Kind(string tried) => tried.Split(':')[0];

    private static AttackCellRecord Cell(AttackCell c)
    {
        var steps = c.Tried.Values.Sum();
        var status = c.Violated.Count > 0 ? "violated" : steps > 0 && c.Held.Count > 0 ? "held" : "not-reached";
        return new AttackCellRecord(c.Embodiment, c.Position, c.Cases, steps,
            c.Tried.OrderBy(t => t.Key, StringComparer.Ordinal).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal),
            c.Held, c.Violated, c.Unexercised, status);
    }

    private static AttackCostRecord CostOf(AttackEvidence e)
    {
        var ratio = e.HonestSeconds > 0 ? e.AttackSeconds / e.HonestSeconds : 0;
        var perCase = e.AttackCases > 0 && e.HonestCases > 0 && e.HonestSeconds > 0
            ? e.AttackSeconds / e.AttackCases / (e.HonestSeconds / e.HonestCases)
            : 0;
        return new AttackCostRecord(e.AttackCases, Math.Round(e.AttackSeconds, 3), e.HonestCases, Math.Round(e.HonestSeconds, 3), Math.Round(ratio, 3), Math.Round(perCase, 3));
    }
}
