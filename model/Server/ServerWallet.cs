using MultiWallet.Model.Machines;
using MultiWallet.Model.Set;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Model.Server;

/// <summary>
/// A server wallet that pays: a SW (E1–E6), a slave SSW behind the MSW's proxy (E7, E9–E12), or the MSW
/// paying with its own certificate. It checks it really holds the brand before PInitReq — the only
/// defence against wrong choices and lying/stale knowledge (no fallback: the lie surfaces).
/// </summary>
public sealed class ServerWallet : ModelMachine<ServerWallet.S, ServerWallet.T>
{
    public enum S { Idle, Verifying, Purchasing, Paid, RefusedBrandNotHeld, RefusedProtocol }
    public enum T { Open, Verify, Settle }

    private bool completed;
    private bool declined;

    public ServerWallet(RunContext run, World world, string wallet, Brand brand, WakeUpDefect defect) : base("ServerWallet", S.Idle, run)
    {
        Wallet = wallet;
        Machine.Configure(S.Idle).Permit(T.Open, S.Verifying);
        Machine.Configure(S.Verifying)
            .PermitIf(T.Verify, S.Purchasing, () => world.Holds(wallet, brand), "holds the brand certificate")
            .PermitIf(T.Verify, S.RefusedBrandNotHeld, () => !world.Holds(wallet, brand), "lacks the brand certificate");
        Machine.Configure(S.Purchasing)
            // The purchase is a machine of its own (the SET exchange); the wallet waits for its end.
            .OnEntry(() =>
            {
                var purchase = new SetPurchase(run, defect);
                completed = purchase.RunToEnd();
                declined = purchase.Declined;
            }, "run the SET purchase")
            .PermitIf(T.Settle, S.Paid, () => completed && !declined, "purchase completed and authorized")
            .PermitIf(T.Settle, S.RefusedProtocol, () => !completed || declined, "purchase rejected by merchant or gateway, or declined");
        Declared();
    }

    public string Wallet { get; }

    /// <summary>Runs the wallet to its end and maps the final state to the outcome.</summary>
    public Outcome Pay(Brand brand)
    {
        Fire(T.Open);
        Fire(T.Verify);
        if (State == S.Purchasing) Fire(T.Settle);
        return State switch
        {
            S.Paid => new Outcome.Paid(Wallet, brand),
            S.RefusedBrandNotHeld => new Outcome.Refused(Reason.BrandNotHeld, Wallet),
            _ => new Outcome.Refused(declined ? Reason.Declined : Run.FaultedRefusal, Wallet),
        };
    }
}
