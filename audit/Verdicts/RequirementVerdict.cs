using System.Text.Json.Serialization;

namespace MultiWallet.Audit.Verdicts;

/// <summary>The verdict on one requirement and every check that decides it.</summary>
/// <param name="Id">E*, C* or INV-*.</param>
/// <param name="Kind">"embodiment", "claim" or "invariant".</param>
/// <param name="Title">Its SPEC.md title.</param>
/// <param name="Status">The verdict.</param>
/// <param name="Backing">Every catalog check backing it (<see cref="Attribution"/>), run or not.</param>
/// <param name="Failing">Backing checks that failed.</param>
/// <param name="NotRun">Backing checks a filter left out.</param>
/// <param name="Reduced">Backing checks that ran at a reduced budget (passed, or failed only for want of cases).</param>
/// <param name="Inconclusive">Backing checks that judged nothing (environment).</param>
/// <param name="Reason">One line saying why.</param>
public sealed record RequirementVerdict(
    string Id, string Kind, string Title,
    [property: JsonIgnore] VerdictStatus Status,
    IReadOnlyList<string> Backing, IReadOnlyList<string> Failing, IReadOnlyList<string> NotRun,
    IReadOnlyList<string> Reduced, IReadOnlyList<string> Inconclusive, string Reason)
{
    /// <summary>The verdict as every artifact writes it: "conforms", "not assessed" or "fails".</summary>
    [JsonPropertyName("status")]
    [JsonPropertyOrder(-1)]
    public string StatusLabel => Status.Label();
}
