using MultiWallet.Impl.Protocol;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Bridge;

/// <summary>
/// What one <see cref="Step.Heal"/> did: the orders the merchant's recovery pass changed, the final answers the PC
/// learned by re-inquiring (by <see cref="ImplBuilder.Key(OrderId)"/> → outcome) and what the model predicted for them, and every order afterwards.
/// </summary>
public sealed record HealFacts(int StepIndex, int Swept, IReadOnlyDictionary<string, PaymentOutcome> Resolved,
    IReadOnlyDictionary<OrderId, Outcome> Predicted, IReadOnlyDictionary<string, OrderFacts> Orders)
{
    /// <summary>Null when the implementation's re-inquiry answers equal the model's; else the first difference.</summary>
    public string? Divergence
    {
        get
        {
            var impl = Resolved.ToDictionary(kv => kv.Key, kv => TraceAbstraction.ToModel(kv.Value).ToString(), StringComparer.Ordinal);
            var model = Predicted.ToDictionary(kv => ImplBuilder.Key(kv.Key), kv => kv.Value.ToString(), StringComparer.Ordinal);
            foreach (var lid in impl.Keys.Union(model.Keys).Order(StringComparer.Ordinal))
                if (impl.GetValueOrDefault(lid) != model.GetValueOrDefault(lid))
                    return $"step #{StepIndex} Heal: order {lid} resolved to {impl.GetValueOrDefault(lid) ?? "(nothing)"}, model predicts {model.GetValueOrDefault(lid) ?? "(nothing)"}";
            return null;
        }
    }
}
