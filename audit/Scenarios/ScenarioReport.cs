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
    IReadOnlyList<string>? ImplementationTrace,
    string? ImplementationOutcome)
{
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
    public static WakeUpReport FromModel(StepPrediction p) => Of(p, null, null, null, null);

    public static WakeUpReport Of(StepPrediction p, bool? agrees, string? divergence, IReadOnlyList<string>? implTrace, string? implOutcome)
    {
        var (wallet, brand) = p.Outcome switch
        {
            Outcome.Paid paid => (paid.Wallet, paid.Brand.Name),
            Outcome.Refused r => (r.Wallet, (p.Step as Step.WakeUp)?.Brand.Name ?? p.Events.OfType<AbstractEvent.WakeUp>().FirstOrDefault()?.Brand.Name),
            _ => (null, null),
        };
        return new WakeUpReport(p.StepIndex, p.Step.ToString(), p.Outcome.ToString(), wallet, brand, RouteOf(p.Events), agrees, divergence,
            p.Events.Select(e => e.ToString()).ToList(), implTrace, implOutcome);
    }

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
