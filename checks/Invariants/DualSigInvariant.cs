using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Invariants;

/// <summary>INV-DUAL-SIG: every payment's dual signature was verified by merchant and gateway; tampering is rejected by the party that can see it.</summary>
internal sealed class DualSigInvariant : Invariant
{
    /// <inheritdoc/>
    public override string Id => "INV-DUAL-SIG";
    /// <inheritdoc/>
    public override string Title => "every payment was verified by merchant and gateway; generated tampering is rejected by the party that can see it";
    /// <inheritdoc/>
    public override int Order => 7;
    /// <inheritdoc/>
    public override IReadOnlyList<string> Required => ["paid verified", "tamper rejected"];

    /// <inheritdoc/>
    public override string? Eval(Case c, ICollection<string> cls)
    {
        if (c.Result is null) return null;
        foreach (var (w, _) in WakeUps(c))
        {
            var lid = w.Wake.Order.LidM;
            if (w.Raw is Paid)
            {
                cls.Add("paid verified");
                if (!Decisions(w, "merchant", TraceDecisions.PReqVerified).Any(d => d.Detail["lid-m"] == lid)) return $"step #{w.StepIndex}: paid without the merchant verifying the PReq";
                if (!Decisions(w, "gateway", TraceDecisions.Authorized).Any(d => d.Detail["lid-m"] == lid)) return $"step #{w.StepIndex}: paid without gateway authorization";
            }
            if (w.Step is Step.WakeUp { Defect: WakeUpDefect.Tampered t } && Sent(w, "PReq"))
            {
                cls.Add("tamper rejected");
                var byGateway = t.Where == TamperSite.PI;
                if (Decisions(w, "gateway", TraceDecisions.Authorized).Any()) return $"step #{w.StepIndex}: tampered {t.Where} was authorized";
                if (byGateway ? !Decisions(w, "gateway", TraceDecisions.Reject).Any() : !Decisions(w, "merchant", TraceDecisions.Reject).Any())
                    return $"step #{w.StepIndex}: tampered {t.Where} not rejected by the {(byGateway ? "gateway" : "merchant")}";
                if (w.Raw is not Refused { Reason: RefusalReason.ProtocolError }) return $"step #{w.StepIndex}: tampered {t.Where} ended {w.Raw}";
            }
        }
        return null;
    }
}
