using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MultiWallet.Checks.Generators;
using MultiWallet.Model.Prediction;
using MultiWallet.Model.Vocabulary;
using Outcome = MultiWallet.Model.Vocabulary.Outcome;

namespace MultiWallet.Tests.Properties;

/// <summary>
/// Laws of the model alone, over generated scenarios of every embodiment: it is a function of its input, every
/// wake-up's abstract trace ends with its outcome, and the model itself respects the invariants it is the oracle
/// for (INV-ONCE, INV-ROUTE-SOUND, INV-ROUTE-COMPLETE). The implementation is judged against the model elsewhere;
/// these make sure the oracle is not wrong in a way conformance could never show.
/// </summary>
[Properties(Arbitrary = [typeof(ScenarioArbitraries)], MaxTest = 300, Replay = "(20000203,4099)")]
public sealed class ModelLawProperties
{
    /// <summary>The same topology, script and steps give the same outcomes and the same abstract traces.</summary>
    [Property]
    public bool The_model_is_deterministic(GeneratedScenario s)
    {
        var a = Predict(s);
        var b = Predict(s);
        return a.Count == b.Count && a.Zip(b).All(p => p.First.Outcome == p.Second.Outcome && p.First.Trace == p.Second.Trace);
    }

    /// <summary>Every wake-up's trace starts with the wake-up (or is empty of it for a replay) and ends with its outcome.</summary>
    [Property]
    public bool Every_trace_ends_with_its_outcome(GeneratedScenario s) =>
        Predict(s).All(p => p.Events.Count > 0 && p.Events[^1] is AbstractEvent.Ended e && e.Outcome == p.Outcome);

    /// <summary>INV-ONCE in the oracle: a replayed wake-up is refused as a replay and sends nothing.</summary>
    [Property]
    public Property A_replay_is_always_refused(GeneratedScenario s)
    {
        var replays = Predict(s).Where(p => p.Step is Step.Replay).ToList();
        return replays.All(p => p.Outcome is Outcome.Refused { Reason: Reason.Replay } && !p.Events.OfType<AbstractEvent.Msg>().Any())
            .Classify(replays.Count > 0, "has a replay");
    }

    /// <summary>INV-ROUTE-SOUND in the oracle: a paid wake-up is paid with exactly the brand it asked for.</summary>
    [Property]
    public Property A_payment_uses_the_brand_asked_for(GeneratedScenario s)
    {
        var paid = Predict(s).Where(p => p.Outcome is Outcome.Paid).ToList();
        return paid.All(p => p.Step is Step.WakeUp w && ((Outcome.Paid)p.Outcome).Brand == w.Brand)
            .Classify(paid.Count > 0, "has a payment");
    }

    /// <summary>INV-ROUTE-COMPLETE in the oracle: "no capable wallet" means no purchase request was ever sent.</summary>
    [Property]
    public Property No_capable_wallet_sends_no_purchase(GeneratedScenario s)
    {
        var none = Predict(s).Where(p => p.Outcome is Outcome.Refused { Reason: Reason.NoCapableWallet }).ToList();
        return none.All(p => !p.Events.OfType<AbstractEvent.Msg>().Any())
            .Classify(none.Count > 0, "has a no-capable-wallet refusal");
    }

    private static IReadOnlyList<StepPrediction> Predict(GeneratedScenario s) => Predictor.Predict(s.Topology, s.Script, s.Steps);
}
