using MultiWallet.Model.Machines;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Model.Client;

/// <summary>
/// E6: one WUM that knows several SWs. On wake-up it queries them all (live), then opens the session with
/// the first that advertises the brand and answers (¶0086–0089). No selector on the PC.
/// </summary>
public sealed class MultiServerWum : ModelMachine<MultiServerWum.S, MultiServerWum.T>
{
    public enum S { Idle, Querying, Routing, Connected, RefusedNoCapable }
    public enum T { WakeUp, QueriesDone, Probe }

    public const string Decider = "WUM";
    private RouteCursor cursor = new([], Brand.BrandA, _ => false);

    public MultiServerWum(RunContext run, World world, Brand brand) : base("MultiServerWum", S.Idle, run)
    {
        Machine.Configure(S.Idle).Permit(T.WakeUp, S.Querying);
        Machine.Configure(S.Querying)
            .OnEntry(() => cursor = new RouteCursor(LiveQuery.Ask(world, Emit), brand, world.Answers), "Queried: every SW, live")
            .Permit(T.QueriesDone, S.Routing);
        Machine.Configure(S.Routing)
            .PermitIf(T.Probe, S.Connected, () => cursor.Dispatchable, "SW advertises the brand and answers");
        RouteProbe.ConfigureSkips(Machine, S.Routing, T.Probe, S.RefusedNoCapable, () => cursor, run);
        Machine.Configure(S.Connected)
            .OnEntry(() =>
            {
                Chosen = cursor.Current.Wallet;
                Emit(new AbstractEvent.Routed(Decider, Chosen, $"SW advertises {brand}"));
            }, "Routed(WUM, SW)");
        Declared();
    }

    public string? Chosen { get; private set; }

    public Outcome? Route()
    {
        Fire(T.WakeUp);
        Fire(T.QueriesDone);
        for (var round = 0; State == S.Routing; round++)
        {
            // Each Probe consumes one candidate; a bound turns a modelling bug into an error instead of a hang.
            if (round > 10_000) throw new InvalidOperationException("WUM routing does not terminate");
            Fire(T.Probe);
        }
        return State == S.Connected ? null : new Outcome.Refused(Reason.NoCapableWallet);
    }
}
