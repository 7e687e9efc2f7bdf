using MultiWallet.Impl.Client.User;
using MultiWallet.Impl.World;

namespace MultiWallet.Checks.Traces.Scenarios;

/// <summary>A running scenario: the world, the embodiment built on it, the scripted user.</summary>
public sealed class TraceScenarioRun
{
    internal TraceScenarioRun(TraceScenario s, WorldTransport transport)
    {
        Scenario = s;
        World = new PaymentWorld(TraceScenario.Seed, transport: transport);
        User = new ScriptedUser(s.Answers);
        Embodiment = EmbodimentWorld.Build(World, s.Topology, User);
    }

    public TraceScenario Scenario { get; }
    public PaymentWorld World { get; }
    public ScriptedUser User { get; }
    public EmbodimentWorld Embodiment { get; }
}
