using System.Globalization;
using System.Text.Json.Serialization;
using MultiWallet.Checks.Catalog;

namespace MultiWallet.Audit.Evidence;

/// <summary>
/// The "exhaustive" section of evidence.json: the bound of the exhaustive small-scope run (docs/DECISIONS.md, "Exhaustive
/// scopes"), how many distinct cases it holds, how many ran, and the sentence the evidence may state about it. Read from the
/// <see cref="ExhaustiveEvidence"/> that <c>EXHAUSTIVE-SMALL-SCOPE</c> publishes; its wall-clock time goes to timings.json.
/// </summary>
/// <param name="FromCheck">The check that published it.</param>
/// <param name="Full">Whether the run enumerated the full bound (<c>verify --exhaustive</c>) rather than the small one.</param>
/// <param name="Bound">The bound, in words.</param>
/// <param name="Cases">Distinct cases within the bound (one per orbit under renaming of wallets and brands).</param>
/// <param name="Run">Cases run on the model and the implementation and judged by every invariant.</param>
/// <param name="Passed">Whether every invariant held on every case.</param>
/// <param name="Embodiments">Per embodiment: distinct cases, cases counted with every brand renaming, cases run.</param>
/// <param name="Seconds">Wall-clock time of the enumeration (timings.json only).</param>
public sealed record ExhaustiveRecord(string FromCheck, bool Full, string Bound, long Cases, long Run, bool Passed,
    IReadOnlyList<ExhaustiveEmbodiment> Embodiments, [property: JsonIgnore] double Seconds)
{
    /// <summary>What the evidence may claim: all cases within the bound, or how many of them, and whether the invariants held.</summary>
    public string Statement => Run == Cases
        ? string.Create(CultureInfo.InvariantCulture, $"all {Cases} cases within bound B were checked{(Passed ? " and every invariant held" : "; an invariant was violated")} (B: {Bound})")
        : string.Create(CultureInfo.InvariantCulture, $"{Run} of the {Cases} cases within bound B were checked (B: {Bound})");

    /// <summary>The section, from the check that published the evidence, or null when no such check ran.</summary>
    public static ExhaustiveRecord? From(IEnumerable<CheckRecord> checks) =>
        checks.SelectMany(c => c.Evidence.OfType<ExhaustiveEvidence>().Take(1).Select(x => new ExhaustiveRecord(
            c.Id, x.Bound.StartsWith("full:", StringComparison.Ordinal), x.Bound, x.Cases, x.Run, c.Passed,
            [.. x.Embodiments.Select(e => e with { Seconds = 0 })], x.Seconds))).FirstOrDefault();
}
