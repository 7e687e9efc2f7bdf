using System.Text.Json.Serialization;

namespace MultiWallet.Audit.Evidence;

/// <summary>One phase (check kind) of the run.</summary>
/// <param name="Kind">The kind (lower case).</param>
/// <param name="Checks">Checks run.</param>
/// <param name="Passed">Checks passed.</param>
/// <param name="Failed">Checks failed.</param>
/// <param name="DurationSeconds">Wall time of the phase (timings.json).</param>
public sealed record PhaseRecord(string Kind, int Checks, int Passed, int Failed, [property: JsonIgnore] double DurationSeconds);
