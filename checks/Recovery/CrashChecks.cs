using MultiWallet.Checks.Catalog;
using MultiWallet.Impl.Client.User;
using MultiWallet.Impl.Parties;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.Set;
using MultiWallet.Impl.World;

namespace MultiWallet.Checks.Recovery;

/// <summary>
/// INV-EXACTLY-ONCE-UNDER-FAULTS under a crash: a party is replaced mid-purchase by a fresh instance built from what
/// it persists (<see cref="PaymentWorld.Restart"/>, <see cref="EmbodimentWorld.Restart"/>; docs/DECISIONS.md, "Bounded
/// resources"), at the point where the crash costs the most. The crash is placed by the fault seam: the restart runs
/// when a given message passes, and the crashed instance's own answer is lost (its connection died with it). Each check
/// ends with the user's answer equal to the gateway's record, at most one authorization, and the merchant agreeing.
/// </summary>
internal static class CrashChecks
{
    private const string Lid = "ORD-1";

    private static PaymentWorld World(CheckContext ctx)
    {
        var world = new PaymentWorld(ctx.Seed);
        world.Network.RecordRequests = true;
        world.AddServerWallet("SW-1", "BrandA");
        return world;
    }

    private static PaymentOutcome Pay(PaymentWorld world, string lid = Lid) => world.Run(ct => world.NewWum("SW-1").PayAsync(world.WakeUp(lid, "BrandA"), ct));

    /// <summary>Runs <paramref name="crash"/> when the first message of <paramref name="kind"/> passes (the message itself goes on unchanged).</summary>
    private static void CrashAt(PaymentWorld world, string kind, Action crash) =>
        world.Network.Garble(m => m.Kind == kind, m => { crash(); return m; });

    [Check("RECOVERY-CRASH-MERCHANT", Title = "the merchant crashes after sending the AuthReq (its PRes never leaves): restarted from its order table the order is AuthorizationUnknown, the wallet's inquiry resolves it with the gateway; Paid, one authorization",
        Requirements = ["INV-EXACTLY-ONCE-UNDER-FAULTS", "INV-ONCE", "INV-BOUNDED"], Kind = CheckKind.Example)]
    public static CheckOutcome Merchant(CheckContext ctx)
    {
        var world = World(ctx);
        world.Network.Delay(m => m.Kind == PReq.Kind);
        CrashAt(world, AuthReqPayload.Kind, () => world.Restart(PaymentWorld.MerchantParty));
        var o = Pay(world);
        var failure = RecoveryChecks.Agree(world, o, OrderState.Paid) ?? (o is Paid ? null : $"expected Paid, got {o}");
        return RecoveryChecks.Verdict(ctx, world, failure, $"{o}; the restarted merchant resolved the in-flight authorization from the gateway's record");
    }

    [Check("RECOVERY-CRASH-GATEWAY", Title = "the gateway crashes after recording an authorization, before its AuthRes leaves: restarted from its ledger it answers the merchant's AuthInqReq with the record; Paid, one authorization",
        Requirements = ["INV-EXACTLY-ONCE-UNDER-FAULTS", "INV-ONCE"], Kind = CheckKind.Example)]
    public static CheckOutcome Gateway(CheckContext ctx)
    {
        var world = World(ctx);
        world.Network.Delay(m => m.Kind == AuthReqPayload.Kind);
        var before = world.Gateway;
        CrashAt(world, InqReq.Kind, () => world.Restart(PaymentWorld.GatewayParty));
        var o = Pay(world);
        var failure = (ReferenceEquals(before, world.Gateway) ? "the gateway was not restarted" : null)
            ?? RecoveryChecks.Agree(world, o, OrderState.Paid) ?? (o is Paid ? null : $"expected Paid, got {o}");
        return RecoveryChecks.Verdict(ctx, world, failure, $"{o}; the restarted gateway answered from its ledger");
    }

    [Check("RECOVERY-CRASH-SERVER-WALLET", Title = "the server wallet crashes while its PInitReq is at the merchant: its session is gone, the user is told not paid, nothing is authorized; the restarted wallet pays the next order",
        Requirements = ["INV-EXACTLY-ONCE-UNDER-FAULTS", "INV-BOUNDED"], Kind = CheckKind.Example)]
    public static CheckOutcome ServerWallet(CheckContext ctx)
    {
        var world = World(ctx);
        var before = world.Wallets["SW-1"];
        CrashAt(world, PInitReq.Kind, () => world.Restart("SW-1"));
        var o = Pay(world);
        var failure = (ReferenceEquals(before, world.Wallets["SW-1"]) ? "the wallet was not restarted" : null)
            ?? RecoveryChecks.Agree(world, o, OrderState.Initiated) ?? (o is Refused { Reason: RefusalReason.ProtocolError } ? null : $"expected a refusal, got {o}")
            ?? (world.Wallets["SW-1"].OpenSessions == 0 ? null : "the restarted wallet holds a session");
        if (failure is null && Pay(world, "ORD-2") is not Paid) failure = "the restarted wallet cannot pay the next order";
        return RecoveryChecks.Verdict(ctx, world, failure, $"{o}; no authorization; the restarted wallet paid ORD-2");
    }

    [Check("RECOVERY-CRASH-WALLET-AFTER-PREQ", Title = "the server wallet crashes once its PReq was handled at the merchant: restarted from its transaction log it inquires about the purchase instead of answering 'unknown session'; Paid, one authorization, the log entry gone once the purchase finished",
        Requirements = ["INV-EXACTLY-ONCE-UNDER-FAULTS", "INV-BOUNDED"], Kind = CheckKind.Example)]
    public static CheckOutcome WalletAfterPReq(CheckContext ctx)
    {
        var world = World(ctx);
        var before = world.Wallets["SW-1"];
        world.Network.Crash(m => m.Kind == PReq.Kind, () => world.Restart("SW-1") ? Impl.Network.Address.ServerWallet("SW-1") : null);
        var o = Pay(world);
        var inquired = world.Trace.Events.OfType<Impl.Network.MessageEvent>().Any(m => m.Kind == InqReq.Kind);
        var failure = (ReferenceEquals(before, world.Wallets["SW-1"]) ? "the wallet was not restarted" : null)
            ?? RecoveryChecks.Agree(world, o, OrderState.Paid) ?? (o is Paid ? null : $"expected Paid, got {o}")
            ?? (inquired ? null : "the restarted wallet did not inquire")
            ?? (world.Wallets["SW-1"].OpenPurchases.Count == 0 && world.Wallets["SW-1"].OpenSessions == 0 ? null : "the restarted wallet still holds the finished purchase");
        return RecoveryChecks.Verdict(ctx, world, failure, $"{o}; the restarted wallet inquired about its logged purchase");
    }

    [Check("RECOVERY-CRASH-MASTER", Title = "E8: the master wallet crashes after acquiring a slave's credential, while its PInitReq is at the merchant: the credential is gone with it, the user is told not paid, nothing is authorized; the custodian's release record survives its own restart; the next order pays",
        Requirements = ["INV-EXACTLY-ONCE-UNDER-FAULTS", "INV-CUSTODY", "INV-BOUNDED", "E8"], Embodiments = [MultiWallet.Model.Vocabulary.Embodiment.E8], Kind = CheckKind.Example)]
    public static CheckOutcome Master(CheckContext ctx)
    {
        var world = new PaymentWorld(ctx.Seed);
        var e = EmbodimentWorld.Build(world, new TopologyConfig("E8", [new WalletConfig("SSW-1", ["BrandB"])], new WalletConfig(EmbodimentWorld.MasterName, ["BrandA"]))
        {
            Knowledge = new KnowledgeConfig.BrandTable([("SSW-1", ["BrandB"])]),
        }, new ScriptedUser([]));
        var before = e.Master;
        CrashAt(world, PInitReq.Kind, () => e.Restart(EmbodimentWorld.MasterName));
        var o = world.Run(ct => e.PayAsync(world.WakeUp(Lid, "BrandB"), ct));
        var failure = (ReferenceEquals(before, e.Master) ? "the master was not restarted" : null)
            ?? RecoveryChecks.Agree(world, o, OrderState.Initiated) ?? (o is Refused ? null : $"expected a refusal, got {o}")
            ?? (e.Master!.AcquiredCredentialsHeld == 0 ? null : "the restarted master holds an acquired credential")
            ?? (before!.AcquiredCredentialsHeld == 1 ? null : "the crash point was not after the acquisition");
        if (failure is null)
        {
            var records = e.Custodians["SSW-1"].StateSize;
            e.Restart("SSW-1");
            if (e.Custodians["SSW-1"].StateSize != records || e.Custodians["SSW-1"].ReleaseCount != 1) failure = "the custodian's release record did not survive its restart";
        }
        if (failure is null && world.Run(ct => e.PayAsync(world.WakeUp("ORD-2", "BrandB"), ct)) is not Paid) failure = "the restarted master cannot pay the next order";
        return RecoveryChecks.Verdict(ctx, world, failure, $"{o}; no authorization; acquired credential gone; release record kept; ORD-2 paid");
    }
}
