using MultiWallet.Model.Machines;

namespace MultiWallet.Model.Client;

/// <summary>
/// The conventional wallet connection module, paired one-to-one with its server wallet (Fig. 2): it opens
/// the session or reports the wallet unreachable. In E7–E12 its server is the MSW (and in E11/E12 it also
/// carries the client information the MSW reads).
/// </summary>
public sealed class ConventionalWum : ModelMachine<ConventionalWum.S, ConventionalWum.T>
{
    public enum S { Idle, Connecting, Connected, Unreachable }
    public enum T { WakeUp, Connect }

    public ConventionalWum(RunContext run, World world, string server) : base("ConventionalWum", S.Idle, run)
    {
        Server = server;
        Machine.Configure(S.Idle).Permit(T.WakeUp, S.Connecting);
        Machine.Configure(S.Connecting)
            .PermitIf(T.Connect, S.Connected, () => world.Answers(server), "server answers")
            .PermitIf(T.Connect, S.Unreachable, () => !world.Answers(server), "server silent within bounded wait");
        Declared();
    }

    public string Server { get; }

    public bool Open()
    {
        Fire(T.WakeUp);
        Fire(T.Connect);
        return State == S.Connected;
    }
}
