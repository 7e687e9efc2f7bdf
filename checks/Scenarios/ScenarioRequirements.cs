using MultiWallet.Checks.Attacks;
using MultiWallet.Checks.Catalog;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Audit.Scenarios;

/// <summary>
/// The requirement ids a scenario file's catalog check cites (docs/DECISIONS.md, "Scenario files as catalog checks"): its
/// embodiment and that embodiment's claims; INV-CONFORM when the file is compared with the model (an attacked file is
/// not: the attack properties that apply judge it, and their ids are cited instead); the invariant each expectation
/// states (a refusal class names its own); INV-EXACTLY-ONCE-UNDER-FAULTS for fault, crash and heal steps,
/// INV-BAD-INPUT for defective wake-ups; and the ids the file lists under `requirements:`. In SPEC.md order, each once.
/// </summary>
public static class ScenarioRequirements
{
    /// <summary>The ids <paramref name="sc"/> supports.</summary>
    public static IReadOnlyList<string> Of(ScenarioDocument sc)
    {
        var e = sc.Topology.Embodiment.ToString();
        var ids = new HashSet<string>(StringComparer.Ordinal) { e };
        ids.UnionWith(Requirements.ClaimsOf(e));
        if (sc.Attack is null) ids.Add("INV-CONFORM");
        else ids.UnionWith(AttackChecks.All.Where(i => i.Applies(sc.Topology.Embodiment)).SelectMany(i => i.Requirements));
        foreach (var x in sc.Expectations.Values) ids.UnionWith(Stated(x));
        if (sc.Steps.Any(s => s is Step.Fault or Step.Crash or Step.Heal)) ids.Add("INV-EXACTLY-ONCE-UNDER-FAULTS");
        if (sc.Steps.Any(s => s is Step.WakeUp { Defect: not WakeUpDefect.NoDefect })) ids.Add("INV-BAD-INPUT");
        ids.UnionWith(sc.Requirements);
        return [.. Requirements.All.Where(ids.Contains)];
    }

    /// <summary>The invariant each field of an expectation states.</summary>
    private static IEnumerable<string> Stated(Expectation x)
    {
        if (x.Outcome is { } o) yield return Refusal(o);
        if (x.Wallet is not null || x.Brand is not null || x.RoutedTo is not null) yield return "INV-ROUTE-SOUND";
        if (x.Offered is not null) yield return "INV-OFFER";
        if (x.Proxy is not null) yield return "INV-PROXY-TRANSPARENT";
        if (x.CredentialReleased is not null || x.CredentialErased is not null) yield return "INV-CUSTODY";
        if (x.Authorizations is not null) yield return "INV-ONCE";
    }

    /// <summary>
    /// What an expected outcome states: Paid, that the purchase is signed with the brand by an entitled wallet; a refusal,
    /// the invariant its class belongs to (a declined or failed exchange only what the model predicts).
    /// </summary>
    private static string Refusal(string outcome) => outcome switch
    {
        "Paid" => "INV-ROUTE-SOUND",
        "Replay" => "INV-ONCE",
        "MalformedWakeUp" or "UnknownBrand" => "INV-BAD-INPUT",
        "NoChoice" or "InvalidChoice" or "MalformedAddress" or "UnknownAddress" => "INV-OFFER",
        "NoCapableWallet" or "BrandNotHeld" or "WalletUnreachable" => "INV-ROUTE-COMPLETE",
        "CredentialRefused" => "INV-CUSTODY",
        _ => "INV-CONFORM",
    };
}
