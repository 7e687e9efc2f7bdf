using MultiWallet.Model.Machines;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Model.Set;

/// <summary>
/// A SET purchase at message-kind level, run by whichever wallet signs. The merchant sees order data and
/// the dual signature, so it detects OI / dual-signature / certificate tampering at PReq; only the gateway
/// reads payment instructions, so PI tampering surfaces at AuthReq. A rejected purchase sends nothing more.
/// </summary>
public sealed class SetPurchase : ModelMachine<SetPurchase.S, SetPurchase.T>
{
    public enum S { Start, Initiated, Requested, Authorizing, Completed, RejectedByMerchant, RejectedByGateway }
    public enum T { Initiate, Request, MerchantVerify, GatewayVerify }

    private readonly WakeUpDefect defect;

    public SetPurchase(RunContext run, WakeUpDefect defect) : base("SetPurchase", S.Start, run)
    {
        this.defect = defect;
        bool GatewaySeesTamper() => defect.DetectedByGateway && !run.Perturbed(Perturbation.GatewayIgnoresPiTamper);

        Machine.Configure(S.Start).Permit(T.Initiate, S.Initiated);
        Machine.Configure(S.Initiated)
            .OnEntry(() => { Emit(new AbstractEvent.Msg(MsgKind.PInitReq)); Emit(new AbstractEvent.Msg(MsgKind.PInitRes)); }, "Msg PInitReq, PInitRes")
            .Permit(T.Request, S.Requested);
        Machine.Configure(S.Requested)
            .OnEntry(() => Emit(new AbstractEvent.Msg(MsgKind.PReq)), "Msg PReq")
            .PermitIf(T.MerchantVerify, S.Authorizing, () => !defect.DetectedByMerchant, "order, dual signature and certificate verify")
            .PermitIf(T.MerchantVerify, S.RejectedByMerchant, () => defect.DetectedByMerchant, "OI, dual signature or certificate tampered");
        Machine.Configure(S.Authorizing)
            .OnEntry(() => Emit(new AbstractEvent.Msg(MsgKind.AuthReq)), "Msg AuthReq")
            .PermitIf(T.GatewayVerify, S.Completed, () => !GatewaySeesTamper(), "payment instructions verify")
            .PermitIf(T.GatewayVerify, S.RejectedByGateway, GatewaySeesTamper, "payment instructions tampered");
        Machine.Configure(S.Completed)
            .OnEntry(() => { Emit(new AbstractEvent.Msg(MsgKind.AuthRes)); Emit(new AbstractEvent.Msg(MsgKind.PRes)); }, "Msg AuthRes, PRes");
        Declared();
    }

    /// <summary>
    /// The exchange completed (AuthRes and PRes sent) but the gateway declined the authorization (the amount is above its
    /// limit): the purchase is over, unpaid, with no authorization.
    /// </summary>
    public bool Declined => State == S.Completed && Run.GatewayDeclines && Run.Faulted is null;

    /// <summary>Runs the exchange to its end; true when the purchase completed (approved or <see cref="Declined"/>).</summary>
    public bool RunToEnd()
    {
        // Under armed faults the exchange follows the fault rules message by message (honest wake-ups only).
        if (Run.Faulted is { } faulted && !defect.DetectedByMerchant && !defect.DetectedByGateway)
            return faulted.Run() == FaultedExchange.Answer.Paid;
        Fire(T.Initiate);
        Fire(T.Request);
        Fire(T.MerchantVerify);
        if (State == S.Authorizing) Fire(T.GatewayVerify);
        return State == S.Completed;
    }
}
