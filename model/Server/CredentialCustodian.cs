using MultiWallet.Model.Prediction;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Model.Server;

/// <summary>
/// E8 slave: holds only brand certificates and releases one, once, to its own master for one order
/// (INV-CUSTODY). The model's MSW is always the SSW's registered master and authenticated, so the
/// only refusal the prediction reaches is "lacks the brand"; a second request for the same order
/// (Released --Request--> RefusedAlreadyReleased) is declared for completeness but unreachable from
/// a prediction, since replays stop at the entry point.
/// </summary>
public sealed class CredentialCustodian : ModelMachine<CredentialCustodian.S, CredentialCustodian.T>
{
    public enum S { Idle, Releasing, Released, Refused, RefusedAlreadyReleased }
    public enum T { Request, Decide }

    public CredentialCustodian(RunContext run, World world, string ssw, Brand brand) : base("CredentialCustodian", S.Idle, run)
    {
        Ssw = ssw;
        Machine.Configure(S.Idle).Permit(T.Request, S.Releasing);
        Machine.Configure(S.Releasing)
            .PermitIf(T.Decide, S.Released, () => world.Holds(ssw, brand), "holds the brand, asked by its master")
            .PermitIf(T.Decide, S.Refused, () => !world.Holds(ssw, brand), "lacks the brand");
        Machine.Configure(S.Released).Permit(T.Request, S.RefusedAlreadyReleased);
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
