using MultiWallet.Impl.Network;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Invariants;

/// <summary>INV-CUSTODY: no key or PAN reaches the PC or merchant; E8: released once per order, erased after each wake-up.</summary>
internal sealed class CustodyInvariant : Invariant
{
    /// <inheritdoc/>
    public override string Id => "INV-CUSTODY";
    /// <inheritdoc/>
    public override string Title => "no key or PAN bytes in any message to/from the PC or merchant; E8 releases once per order and erases after each wake-up";
    /// <inheritdoc/>
    public override int Order => 6;
    /// <inheritdoc/>
    public override IReadOnlyList<string> Required => ["scanned", "release (E8)"];

    /// <inheritdoc/>
    public override string? Eval(Case c, ICollection<string> cls)
    {
        if (c.Result is null) return null;
        var releases = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (w, _) in WakeUps(c))
        {
            cls.Add("scanned");
            if (w.Facts.SecretLeaks.Count > 0) return $"step #{w.StepIndex}: {w.Facts.SecretLeaks[0]}";
            if (w.Facts.MswAcquiredCredentialsHeld > 0) return $"step #{w.StepIndex}: MSW still holds {w.Facts.MswAcquiredCredentialsHeld} acquired credential(s) after the wake-up";
            foreach (var d in w.Events.OfType<DecisionEvent>().Where(d => d.What == TraceDecisions.CredentialReleased))
            {
                cls.Add("release (E8)");
                var k = d.Detail["lid-m"];
                releases[k] = releases.GetValueOrDefault(k) + 1;
                if (releases[k] > 1) return $"step #{w.StepIndex}: credential released {releases[k]} times for order {k}";
                if (d.Detail["to"] != WalletNames.Msw) return $"step #{w.StepIndex}: credential released to {d.Detail["to"]}";
            }
        }
        return null;
    }
}
