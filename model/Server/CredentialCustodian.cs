using MultiWallet.Model.Machines;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Model.Server;

/// <summary>
/// E8 slave: holds only brand certificates and releases one, once, to its own master for one order
/// (INV-CUSTODY). The model's MSW is always the SSW's registered master and authenticated, and a
/// replayed order stops at the user PC's entry point, so the only refusal a prediction can reach is
/// "lacks the brand". The custodian's other refusals (unauthenticated caller, another master, a second
/// request for the same order from another client) have no input in the model's vocabulary and are
/// checked on the implementation directly (checks/Embodiments/CustodyChecks.cs, traces).
/// </summary>
public sealed class CredentialCustodian : ModelMachine<CredentialCustodian.S, CredentialCustodian.T>
{
    public enum S { Idle, Releasing, Released, Refused }
    public enum T { Request, Decide }

    public CredentialCustodian(RunContext run, World world, string ssw, Brand brand) : base("CredentialCustodian", S.Idle, run)
    {
        Ssw = ssw;
        Machine.Configure(S.Idle).Permit(T.Request, S.Releasing);
        Machine.Configure(S.Releasing)
            .PermitIf(T.Decide, S.Released, () => world.Holds(ssw, brand), "holds the brand, asked by its master")
            .PermitIf(T.Decide, S.Refused, () => !world.Holds(ssw, brand), "lacks the brand");
        Declared();
    }

    public string Ssw { get; }

    public bool Release()
    {
        Fire(T.Request);
        Fire(T.Decide);
        return State == S.Released;
    }
}
