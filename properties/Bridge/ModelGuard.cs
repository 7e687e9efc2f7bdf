using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Properties.Bridge;

/// <summary>
/// Known model defect (found by this suite, reported, not fixed here): in model/Server/MasterServerWallet.cs the
/// routing states ResolvingByBrandInfo/ResolvingByClientInfo rebuild their cursor in <c>OnEntry</c>, which also runs
/// on every re-entry (skip), so the cursor never advances and <c>Handle</c> loops forever whenever the first candidate
/// of the brand information is skipped (E7, E8, E11). The runner does not call the model for such scenarios; it
/// reports a MODEL-NONTERMINATION prediction instead, so INV-CONFORM fails on them and the other invariants still run.
/// </summary>
public static class ModelGuard
{
    /// <summary>Index of the first step on which the model would not terminate, or -1. <paramref name="ignoreMasterHeld"/>: as if the MSW never paid itself (the MswIgnoresOwnBrand perturbation).</summary>
    public static int FirstNonTerminating(Topology t, IReadOnlyList<Step> steps, bool ignoreMasterHeld = false)
    {
        if (t.Embodiment is not (Embodiment.E7 or Embodiment.E8 or Embodiment.E11)) return -1;
        var info = t.Embodiment == Embodiment.E11 ? t.ClientBrandInfo : t.MasterBrandInfo;
        var down = new HashSet<string>(t.Wallets.Where(w => w.Down).Select(w => w.Name), StringComparer.Ordinal);
        if (t.Master is { Down: true }) down.Add(t.Master.Name);
        var accepted = new HashSet<OrderId>();
        var last = new Dictionary<OrderId, Step.WakeUp>();
        for (var i = 0; i < steps.Count; i++)
        {
            Step.WakeUp w;
            switch (steps[i])
            {
                case Step.SetDown sd: if (sd.Down) down.Add(sd.Wallet); else down.Remove(sd.Wallet); continue;
                case Step.WakeUp x: w = x; break;
                case Step.Replay r: w = last[r.Order]; break;
                default: continue;
            }
            last[w.Order] = w;
            if (w.Defect is WakeUpDefect.MissingField || !w.Brand.IsKnown || !accepted.Add(w.Order)) continue;
            if (down.Contains(WalletNames.Msw) || (!ignoreMasterHeld && (t.Master?.Held.Contains(w.Brand) ?? false))) continue;
            var first = t.InRegistrationOrder(info.Keys).FirstOrDefault();
            if (first is null) continue;
            var answers = t.Wallets.Any(x => x.Name == first) && !down.Contains(first);
            if (!(info[first].Contains(w.Brand) && answers)) return i;
        }
        return -1;
    }
}
