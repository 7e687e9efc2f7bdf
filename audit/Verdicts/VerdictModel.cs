using System.Globalization;
using MultiWallet.Checks.Catalog;

namespace MultiWallet.Audit.Verdicts;

/// <summary>
/// The one computed verdict of a run: a status for every requirement of SPEC.md, decided against the full catalog
/// (not only the checks the run selected), and each catalog check's standing. evidence.json, the CycloneDX attestation,
/// junit.xml and the report all render this object.
/// </summary>
/// <param name="FullBudget">The cases per generated check a verdict of "conforms" needs.</param>
/// <param name="Cases">The cases per generated check of this run.</param>
/// <param name="Requirements">One verdict per requirement, in SPEC.md order.</param>
/// <param name="Checks">Every catalog check's standing, in id order.</param>
public sealed record VerdictModel(int FullBudget, int Cases, IReadOnlyList<RequirementVerdict> Requirements, IReadOnlyList<CheckAssessment> Checks)
{
    /// <summary>The default budget of `verify`: generated checks run at fewer cases are reduced.</summary>
    public const int DefaultFullBudget = 1000;

    /// <summary>The verdict on <paramref name="id"/>.</summary>
    public RequirementVerdict this[string id] => Requirements.First(r => r.Id == id);

    /// <summary>The standing of check <paramref name="id"/>.</summary>
    public CheckAssessment Check(string id) => Checks.First(c => c.Id == id);

    /// <summary>
    /// Whether a check's result depends on the budget: a generated property or a seeded fault, or any check that reports
    /// more than one case run (it drew generated cases).
    /// </summary>
    public static bool IsGenerated(CheckAttribute meta, CheckOutcome? outcome) =>
        meta.Kind is CheckKind.Property or CheckKind.Fault || outcome is { CasesRun: > 1 };

    /// <summary>
    /// Computes the verdicts: <paramref name="catalog"/> is the full catalog, <paramref name="outcomes"/> the outcome of each
    /// check that ran, <paramref name="cases"/> the run's budget. <paramref name="slice"/> names the shard when the run is one
    /// slice of a sharded run (e.g. "--shard 2/3"): a slice judges no requirement as conforming, only `audit merge` does.
    /// </summary>
    public static VerdictModel Compute(IReadOnlyList<CheckAttribute> catalog, IReadOnlyDictionary<string, CheckOutcome> outcomes, int cases,
        int fullBudget = DefaultFullBudget, string? slice = null)
    {
        var reduced = cases < fullBudget;
        string Of(int n) => string.Create(CultureInfo.InvariantCulture, $"{n} of {fullBudget} cases");
        CheckAssessment Assess(CheckAttribute meta)
        {
            if (!outcomes.TryGetValue(meta.Id, out var o)) return new(meta.Id, CheckStanding.NotRun, "not run: left out by the filter");
            if (o.Inconclusive is not null) return new(meta.Id, CheckStanding.Inconclusive, "inconclusive (environment): " + o.Inconclusive);
            var generated = IsGenerated(meta, o);
            if (o.Passed)
                return generated && reduced
                    ? new(meta.Id, CheckStanding.Reduced, $"passed at a reduced budget ({Of(cases)})")
                    : new(meta.Id, CheckStanding.Passed, "passed");
            // A vacuous property or an undetected seeded fault at a reduced budget says "too few cases", not "defect";
            // a counterexample is a defect at any budget.
            var forWantOfCases = generated && reduced && o.Counterexample is null
                && (meta.Kind == CheckKind.Fault || o.Message.StartsWith("vacuous:", StringComparison.Ordinal));
            return forWantOfCases
                ? new(meta.Id, CheckStanding.ReducedInconclusive, $"failed for want of cases at a reduced budget ({Of(cases)}): {FirstLine(o.Message)}")
                : new(meta.Id, CheckStanding.Failed, "failed: " + FirstLine(o.Message));
        }

        var checks = catalog.OrderBy(c => c.Id, NaturalOrder.Instance).Select(Assess).ToList();
        var byId = checks.ToDictionary(c => c.Id);
        var verdicts = MultiWallet.Checks.Catalog.Requirements.All.Select(id =>
        {
            var backing = Attribution.Backing(id, catalog);
            List<string> With(params CheckStanding[] s) => backing.Where(b => s.Contains(byId[b].Standing)).ToList();
            var failing = With(CheckStanding.Failed);
            var notRun = With(CheckStanding.NotRun);
            var reducedIds = With(CheckStanding.Reduced, CheckStanding.ReducedInconclusive);
            var inconclusive = With(CheckStanding.Inconclusive);
            var (status, reason) =
                backing.Count == 0 ? (VerdictStatus.NotAssessed, "no catalog check backs it")
                : failing.Count > 0 ? (VerdictStatus.Fails, $"failed: {string.Join(", ", failing)}")
                : notRun.Count + reducedIds.Count + inconclusive.Count == 0 ? (VerdictStatus.Conforms, $"all {backing.Count} backing check(s) passed at the full budget")
                : (VerdictStatus.NotAssessed, string.Join("; ", new[]
                    {
                        notRun.Count > 0 ? $"{notRun.Count} of {backing.Count} backing check(s) not run" : null,
                        reducedIds.Count > 0 ? $"{reducedIds.Count} at a reduced budget ({Of(cases)})" : null,
                        inconclusive.Count > 0 ? $"{inconclusive.Count} inconclusive (environment)" : null,
                    }.OfType<string>()));
            if (slice is not null && status == VerdictStatus.Conforms)
                (status, reason) = (VerdictStatus.NotAssessed, $"{slice}: one slice of a sharded run (its backing checks passed here; `audit merge` judges the whole run)");
            return new RequirementVerdict(id, Attribution.KindOf(id), MultiWallet.Checks.Catalog.Requirements.Title(id), status,
                backing, failing, notRun, reducedIds, inconclusive, reason);
        }).ToList();
        return new VerdictModel(fullBudget, cases, verdicts, checks);
    }

    private static string FirstLine(string s) => s.Split('\n')[0].TrimEnd();
}
