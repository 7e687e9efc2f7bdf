using FsCheck;
using FsCheck.Fluent;
using MultiWallet.Checks.Generators;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Attacks;

/// <summary>
/// FsCheck generators of attacked scenarios: an honest generated scenario (<see cref="ScenarioGen.For"/>, its own
/// fault and crash steps left out: here the attacker is the only adversary) and an attack of one position with one to
/// four events, each aimed at a message kind its position can act on. The shrinker drops events, simplifies their
/// parameters and shrinks the honest scenario with the scenario shrinker.
/// </summary>
public static class AttackGen
{
    /// <summary>The most events one attack plays.</summary>
    public const int MaxEvents = 4;

    /// <summary>One event a position may play.</summary>
    public static Gen<AttackEvent> Event(AttackPosition p) =>
        from kind in Gen.Frequency([.. Positions.Kinds(p).Select(k => (Weight(k), Gen.Constant(k)))])
        from target in Gen.Elements(Targets(p, kind))
        from param in Gen.Choose(0, 999)
        select new AttackEvent(kind, target, param);

    /// <summary>How often a kind is drawn: probes and forged replies (the attacks on what is sealed and signed) more than the rest.</summary>
    private static int Weight(AttackKind k) => k switch { AttackKind.Probe => 4, AttackKind.ForgeReply => 3, _ => 1 };

    /// <summary>The kinds an event aims at: a probe at the requests that carry sealed card data when the position sees one.</summary>
    private static string[] Targets(AttackPosition p, AttackKind kind)
    {
        var all = Positions.Targets(p).Where(t => Positions.Fits(kind, t)).ToArray();
        var sealedData = all.Where(t => t is Impl.Set.PReq.Kind or Impl.Set.AuthReqPayload.Kind).ToArray();
        return kind == AttackKind.Probe && sealedData.Length > 0 ? sealedData : all;
    }

    /// <summary>An attack at one of the embodiment's positions.</summary>
    public static Gen<Attack> Attack(Embodiment e) =>
        from p in Gen.Elements(Positions.For(EmbodimentTraits.Of(e)).ToArray())
        from n in Gen.Choose(1, MaxEvents)
        from events in Gen.ListOf(Event(p), n)
        select new Attack(p, [.. events]);

    /// <summary>An attacked scenario of embodiment <paramref name="e"/>.</summary>
    public static Gen<AttackedScenario> For(Embodiment e) =>
        from s in ScenarioGen.For(e)
        from a in Attack(e)
        select new AttackedScenario(Honest(s), a);

    /// <summary>The scenario without its generated faults, crashes and heals.</summary>
    private static GeneratedScenario Honest(GeneratedScenario s) =>
        s with { Steps = [.. s.Steps.Where(x => x is not (Step.Fault or Step.Crash or Step.Heal))] };

    /// <summary>Smaller attacked scenarios: one event fewer, an event's parameter at 0, then the honest scenario shrunk.</summary>
    public static IEnumerable<AttackedScenario> Shrink(AttackedScenario c)
    {
        var events = c.Attack.Events;
        if (events.Count > 1)
            for (var i = 0; i < events.Count; i++)
                yield return c with { Attack = c.Attack with { Events = [.. events.Where((_, j) => j != i)] } };
        for (var i = 0; i < events.Count; i++)
            if (events[i].Param != 0 && events[i].Kind is not (AttackKind.Substitute or AttackKind.FlipBit or AttackKind.FlipReply))
            {
                var simpler = events.ToList();
                simpler[i] = simpler[i] with { Param = 0 };
                yield return c with { Attack = c.Attack with { Events = simpler } };
            }
        foreach (var s in ScenarioGen.Shrink(c.Scenario)) yield return c with { Scenario = s };
    }
}
