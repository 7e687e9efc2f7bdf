using MultiWallet.Checks.Catalog;
using MultiWallet.Checks.Traces.Scenarios;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Traces;

/// <summary>
/// The canonical scenarios as catalog checks <c>TRACE-&lt;NAME&gt;</c> (Kind "trace"), so the audit command runs
/// them and draws their diagrams. One entry per scenario, built from the scenario's data; the only thing a
/// scenario adds here is the requirement ids its trace is evidence for.
/// </summary>
internal static class TraceCatalogChecks
{
    /// <summary>Requirement ids (SPEC.md) each scenario's trace supports, beyond its embodiment.</summary>
    private static readonly Dictionary<string, string[]> Supports = new(StringComparer.Ordinal)
    {
        ["E1-patent-example"] = ["E1", "C1", "C2", "INV-ROUTE-SOUND", "INV-OFFER"],
        ["E2-patent-example"] = ["E2", "C1", "C3", "INV-ROUTE-SOUND", "INV-OFFER"],
        ["E3-patent-example"] = ["E3", "C1", "C4", "INV-ROUTE-SOUND", "INV-ROUTE-COMPLETE"],
        ["E4-patent-example"] = ["E4", "C1", "C5", "INV-ROUTE-SOUND", "INV-ROUTE-COMPLETE"],
        ["E5-patent-example"] = ["E5", "C1", "C6", "INV-ROUTE-SOUND", "INV-LIVE"],
        ["E6-patent-example"] = ["E6", "C7", "INV-ROUTE-SOUND", "INV-LIVE"],
        ["E7-patent-example"] = ["E7", "C8", "INV-PROXY-TRANSPARENT", "INV-ROUTE-SOUND"],
        ["E8-patent-example"] = ["E8", "C9", "INV-CUSTODY", "INV-ROUTE-SOUND"],
        ["E9-patent-example"] = ["E9", "C10", "INV-OFFER", "INV-PROXY-TRANSPARENT"],
        ["E10-patent-example"] = ["E10", "C11", "INV-PROXY-TRANSPARENT"],
        ["E11-patent-example"] = ["E11", "C12", "INV-PROXY-TRANSPARENT", "INV-ROUTE-SOUND"],
        ["E12-patent-example"] = ["E12", "C13", "INV-OFFER", "INV-PROXY-TRANSPARENT"],
        ["E3-no-capable-wallet"] = ["E3", "INV-ROUTE-COMPLETE"],
        ["E5-no-capable-wallet"] = ["E5", "INV-ROUTE-COMPLETE"],
        ["E7-no-capable-wallet"] = ["E7", "INV-ROUTE-COMPLETE"],
        ["E1-no-registration"] = ["E1", "INV-OFFER"],
        ["E2-choice-lacks-brand"] = ["E2", "INV-OFFER", "INV-ROUTE-SOUND"],
        ["E2-choice-not-offered"] = ["E2", "INV-OFFER"],
        ["E9-choice-not-offered"] = ["E9", "INV-OFFER"],
        ["E9-no-choice"] = ["E9", "INV-OFFER"],
        ["E12-no-choice"] = ["E12", "INV-OFFER"],
        ["E5-skip-unreachable"] = ["E5", "INV-ROUTE-COMPLETE"],
        ["E6-all-capable-down"] = ["E6", "INV-ROUTE-COMPLETE"],
        ["E2-chosen-down"] = ["E2", "INV-ROUTE-COMPLETE"],
        ["E7-first-ssw-down"] = ["E7", "INV-ROUTE-COMPLETE"],
        ["E3-table-lies"] = ["E3", "INV-ROUTE-SOUND"],
        ["E11-forged-client-info"] = ["E11", "INV-ROUTE-SOUND"],
        ["E8-ssw-lacks-brand"] = ["E8", "INV-CUSTODY"],
        ["E8-second-use-same-order"] = ["E8", "INV-CUSTODY", "INV-ONCE"],
        ["E10-unknown-address"] = ["E10", "INV-BAD-INPUT"],
        ["E10-malformed-address"] = ["E10", "INV-BAD-INPUT"],
        ["E3-replayed-order"] = ["E3", "INV-ONCE"],
        ["E1-tampered-oi"] = ["E1", "INV-BAD-INPUT", "INV-DUAL-SIG"],
        ["E7-tampered-pi"] = ["E7", "INV-BAD-INPUT", "INV-DUAL-SIG", "INV-CUSTODY"],
        ["E3-several-capable"] = ["E3", "INV-ROUTE-SOUND"],
        ["E6-several-capable"] = ["E6", "INV-ROUTE-SOUND"],
        ["E7-several-capable"] = ["E7", "INV-ROUTE-SOUND"],
        ["E4-wum-update"] = ["E4", "C5", "INV-LIVE"],
        ["E5-brand-change"] = ["E5", "C6", "INV-LIVE"],
        ["E9-msw-pays-itself"] = ["E9", "INV-ROUTE-SOUND"],
        ["E10-msw-pays-itself"] = ["E10", "INV-ROUTE-SOUND"],
        ["E12-msw-pays-itself"] = ["E12", "INV-ROUTE-SOUND"],
        ["E6-unknown-brand"] = ["E6", "INV-BAD-INPUT"],
        ["E6-malformed-wakeup"] = ["E6", "INV-BAD-INPUT"],
        ["E6-first-capable-down"] = ["E6", "INV-ROUTE-COMPLETE"],
        ["E7-replayed-order"] = ["E7", "INV-ONCE"],
        ["E8-no-capable-wallet"] = ["E8", "INV-ROUTE-COMPLETE"],
        ["E9-choice-lacks-brand"] = ["E9", "INV-OFFER", "INV-ROUTE-SOUND"],
        ["E9-chosen-down"] = ["E9", "INV-ROUTE-COMPLETE"],
        ["E10-typed-lacks-brand"] = ["E10", "INV-OFFER", "INV-ROUTE-SOUND"],
        ["E10-no-address"] = ["E10", "INV-OFFER"],
        ["E10-typed-down"] = ["E10", "INV-ROUTE-COMPLETE"],
        ["E11-no-capable-wallet"] = ["E11", "INV-ROUTE-COMPLETE"],
        ["E12-choice-not-offered"] = ["E12", "INV-OFFER"],
        ["E12-choice-lacks-brand"] = ["E12", "INV-OFFER", "INV-ROUTE-SOUND"],
        ["E1-declined"] = ["E1", "INV-ONCE"],
        ["E1-authres-late"] = ["E1", "INV-EXACTLY-ONCE-UNDER-FAULTS", "INV-ONCE"],
        ["E1-abandon-reversed"] = ["E1", "INV-EXACTLY-ONCE-UNDER-FAULTS"],
        ["E7-pres-lost"] = ["E7", "INV-EXACTLY-ONCE-UNDER-FAULTS", "INV-PROXY-TRANSPARENT"],
    };

    [CheckSource]
    public static IEnumerable<CheckEntry> Checks() => CanonicalScenarios.All.Select(s => new CheckEntry(
        new CheckAttribute("TRACE-" + s.Name.ToUpperInvariant())
        {
            Title = $"{s.Embodiment} {s.Summary}; trace matches the committed snapshot",
            Requirements = Supports.TryGetValue(s.Name, out var ids) ? ids : throw new InvalidOperationException($"scenario {s.Name} cites no requirement id"),
            Embodiments = [Enum.Parse<Embodiment>(s.Embodiment)],
            Kind = CheckKind.Trace,
        },
        ctx => TraceVerification.Check(ctx, s.Name)));
}
