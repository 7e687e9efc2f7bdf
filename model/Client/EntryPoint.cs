using MultiWallet.Model.Machines;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Model.Client;

/// <summary>
/// The user PC's entry point: the selector in E1–E5, the WUM in E6–E12. It accepts a wake-up or refuses
/// it before anything is sent (INV-BAD-INPUT, INV-ONCE). Only an accepted order is remembered.
/// </summary>
public sealed class EntryPoint : ModelMachine<EntryPoint.S, EntryPoint.T>
{
    public enum S { Idle, Checking, Accepted, RefusedMalformed, RefusedUnknownBrand, RefusedReplay }
    public enum T { WakeUp, Check }

    public EntryPoint(RunContext run, Step.WakeUp wake, IReadOnlySet<OrderId> accepted) : base("EntryPoint", S.Idle, run)
    {
        bool Malformed() => wake.Defect is WakeUpDefect.MissingField || wake.Amount <= 0
            || string.IsNullOrEmpty(wake.Order.Merchant) || string.IsNullOrEmpty(wake.Order.LidM) || string.IsNullOrEmpty(wake.Brand.Name);
        bool Unknown() => !Malformed() && !wake.Brand.IsKnown;
        bool Seen() => !run.Perturbed(Perturbation.ReplayUndetected) && accepted.Contains(wake.Order);
        bool Replayed() => !Malformed() && !Unknown() && Seen();
        bool Fresh() => !Malformed() && !Unknown() && !Seen();

        Machine.Configure(S.Idle).Permit(T.WakeUp, S.Checking);
        Machine.Configure(S.Checking)
            .PermitIf(T.Check, S.RefusedMalformed, Malformed, "field missing, empty or out of range")
            .PermitIf(T.Check, S.RefusedUnknownBrand, Unknown, "brand has no CA under the root")
            .PermitIf(T.Check, S.RefusedReplay, Replayed, "order already accepted")
            .PermitIf(T.Check, S.Accepted, Fresh, "well-formed, known brand, new order");
        Declared();
    }

    /// <summary>Fires WakeUp then Check; returns the refusal, or null when accepted.</summary>
    public Outcome? Admit()
    {
        Fire(T.WakeUp);
        Fire(T.Check);
        return State switch
        {
            S.RefusedMalformed => new Outcome.Refused(Reason.MalformedWakeUp),
            S.RefusedUnknownBrand => new Outcome.Refused(Reason.UnknownBrand),
            S.RefusedReplay => new Outcome.Refused(Reason.Replay),
            _ => null,
        };
    }
}
