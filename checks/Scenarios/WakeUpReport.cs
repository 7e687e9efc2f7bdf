using MultiWallet.Model.Prediction;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Audit.Scenarios;

/// <summary>What `check` reports for one wake-up (or replay) step.</summary>
public sealed record WakeUpReport(
    int Step,
    string Input,
    string Outcome,
    string? Wallet,
    string? Brand,
    IReadOnlyList<string> Route,
    bool? ModelAgrees,
    string? Divergence,
    IReadOnlyList<string> ModelTrace,
    IReadOnlyList<string>? AbstractTrace = null,
    IReadOnlyList<string>? Trace = null,
    string? ModelOutcome = null,
    string? RawOutcome = null)
{
    /// <summary>The auditor's expectations of this step, each held against both sides; empty when the file states none.</summary>
    public IReadOnlyList<ExpectationResult> Expectations { get; init; } = [];

    /// <summary>The world's time around the wake-up (null when the implementation did not run in-process).</summary>
    public WakeUpTime? Time { get; init; }

    /// <summary>The implementation's state right after the wake-up (null when it did not run in-process).</summary>
    public WakeUpState? State { get; init; }

    /// <summary>
    /// Every routing look-up and decision of the wake-up in the implementation's trace, in order: tables and brand
    /// information read (E3, E4, E7, E8, E11), live queries (E5, E6), SSW lists (E9, E12), offers, choices, skips and
    /// routing refusals; a NoCapableWallet route shows here what was looked up.
    /// </summary>
    public IReadOnlyList<string> Lookups { get; init; } = [];

    /// <summary>With answers bound to wake-ups: how many the file binds to this step (null: one queue for the file).</summary>
    public int? AnswersBound { get; init; }

    /// <summary>With answers bound to wake-ups: how many answers this step consumed on the implementation's side (its Chose events).</summary>
    public int? AnswersUsed { get; init; }

    /// <summary>The route from the abstract events: selector / WUM / MSW decisions and the proxy / credential hops.</summary>
    public static IReadOnlyList<string> RouteOf(IEnumerable<AbstractEvent> events) => events.Where(e => e is
            AbstractEvent.Routed or AbstractEvent.ProxyHop or AbstractEvent.CredentialReleased or AbstractEvent.CredentialErased)
        .Select(e => e switch
        {
            AbstractEvent.Routed r => $"{r.Decider} -> {r.Wallet} ({r.Why})",
            AbstractEvent.ProxyHop p => $"proxy {p.From} -> {p.To}",
            AbstractEvent.CredentialReleased c => $"credential {c.Ssw} -> {c.Msw}",
            AbstractEvent.CredentialErased c => $"credential erased at {c.Msw}",
            _ => e.ToString(),
        }).ToList();

    /// <summary>Model-only report (the implementation was not run).</summary>
    public static WakeUpReport FromModel(StepPrediction p)
    {
        var (wallet, brand) = WalletAndBrand(p.Outcome, p.Events);
        return new WakeUpReport(p.StepIndex, p.Step.ToString(), p.Outcome.ToString(), wallet, brand, RouteOf(p.Events), null, null,
            p.Events.Select(e => e.ToString()).ToList());
    }

    /// <summary>The implementation's side (outcome, route, trace) with the model's verdict next to it.</summary>
    public static WakeUpReport FromBridge(MultiWallet.Checks.Bridge.WakeUpConformance r)
    {
        var (wallet, brand) = WalletAndBrand(r.ImplOutcome, r.Abstracted);
        return new WakeUpReport(r.StepIndex, r.Step.ToString(), r.ImplOutcome.ToString(), wallet, brand, RouteOf(r.Abstracted), r.Agrees,
            r.Agrees ? null : FirstDivergence(r.Predicted.Events.Select(e => e.ToString()).ToList(), r.Abstracted.Select(e => e.ToString()).ToList())
                ?? $"outcome: model {r.Predicted.Outcome}, implementation {r.ImplOutcome}",
            r.Predicted.Events.Select(e => e.ToString()).ToList(), r.Abstracted.Select(e => e.ToString()).ToList(), r.ImplTrace,
            r.Predicted.Outcome.ToString(), r.Raw.ToString());
    }

    private static (string? Wallet, string? Brand) WalletAndBrand(Outcome o, IEnumerable<AbstractEvent> events) => o switch
    {
        Outcome.Paid paid => (paid.Wallet, paid.Brand.Name),
        Outcome.Refused r => (r.Wallet, events.OfType<AbstractEvent.WakeUp>().FirstOrDefault()?.Brand.Name),
        _ => (null, null),
    };

    /// <summary>The first line where two traces differ, or null when equal.</summary>
    public static string? FirstDivergence(IReadOnlyList<string> model, IReadOnlyList<string> impl)
    {
        for (var i = 0; i < Math.Max(model.Count, impl.Count); i++)
        {
            var m = i < model.Count ? model[i] : "(nothing)";
            var x = i < impl.Count ? impl[i] : "(nothing)";
            if (m != x) return $"event {i + 1}: model {m}, implementation {x}";
        }
        return null;
    }
}
