using System.Text.Json.Serialization;
using MultiWallet.Checks.Catalog;

namespace MultiWallet.Audit.Evidence;

/// <summary>One check's result as the evidence bundle records it.</summary>
/// <param name="Id">The check id.</param>
/// <param name="Title">What the check shows.</param>
/// <param name="Kind">The phase it ran in (lower case).</param>
/// <param name="Requirements">The SPEC.md ids it cites.</param>
/// <param name="Embodiments">The embodiments it exercises.</param>
/// <param name="CasesRun">Generated cases (or scenarios) run.</param>
/// <param name="Passed">Whether it holds.</param>
/// <param name="Message">Why it failed, or its one-line summary.</param>
/// <param name="Replay">The check's own replay handle, if any.</param>
/// <param name="Counterexample">The shrunk counterexample, when failed.</param>
/// <param name="Classes">Cases per class.</param>
/// <param name="DurationSeconds">Wall time of the check (timings.json, not evidence.json: a timing is no evidence).</param>
/// <param name="Facts">The check's evidence as flat key/value pairs (<see cref="FactRendering"/>), kept in evidence.json for its consumers.</param>
/// <param name="Evidence">The check's typed evidence, which the bundle and the report read.</param>
public sealed record CheckRecord(
    string Id, string Title, string Kind, string[] Requirements, string[] Embodiments, int CasesRun, bool Passed,
    string Message, string? Replay, string? Counterexample, IReadOnlyDictionary<string, int> Classes,
    [property: JsonIgnore] double DurationSeconds, IReadOnlyDictionary<string, string> Facts,
    [property: JsonIgnore] IReadOnlyList<IEvidence> Evidence)
{
    /// <summary>Why the check judged nothing (a wall-clock limit over HTTP fired), or null when it judged.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Inconclusive { get; init; }
}
