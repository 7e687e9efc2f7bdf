using FsCheck;
using FsCheck.Fluent;
using MultiWallet.Checks.Generators;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Attacks;

/// <summary>
/// FsCheck generators of attacked scenarios: an honest generated scenario (<see cref="ScenarioGen.Draft"/> with its merchants placed, its own
/// fault and crash steps left out: here the attacker is the only adversary) and an attack of one position with one to
/// four events, each aimed at a message kind its position can act on. The shrinker drops events, simplifies their
/// parameters and shrinks the honest scenario with the scenario shrinker.
/// </summary>
public static class AttackGen
{
    /// <summary>The most events one attack plays.</summary>
    public const int MaxEvents = 4;

    /// <summary>One event a position may play in an embodiment with traits <paramref name="t"/>.</summary>
    public static Gen<AttackEvent> Event(AttackPosition p, EmbodimentTraits t) =>
        from kind in Gen.Frequency([.. Positions.Kinds(p).Select(k => (Weight(p, k), Gen.Constant(k)))])
        from target in Gen.Frequency([.. Targets(p, kind, t).Select(x => (Often(x), Gen.Constant(x)))])
        from param in Gen.Choose(0, 999)
        select new AttackEvent(kind, target, param);

    /// <summary>
    /// How often a kind is drawn: probes and forged replies (the attacks on what is sealed and signed) more than the rest,
    /// a forged wake-up (a session the user never opened) and a hijack (a session continued by whoever sees it) most where
    /// sessions start: on the PC, and a substitution most at
    /// the merchant, which signs and seals again what it changed (what no position on the wire can).
    /// </summary>
    private static int Weight(AttackPosition p, AttackKind k) => k switch
    {
        AttackKind.Probe => 4,
        AttackKind.ForgeReply => 3,
        AttackKind.ForgedWakeUp when p is AttackPosition.Local or AttackPosition.NetworkPc => 4,
        AttackKind.SessionRace or AttackKind.SessionHijack when p is AttackPosition.Local => 2,
        AttackKind.SessionHijack when p is AttackPosition.NetworkPc => 4,
        AttackKind.Substitute when p is AttackPosition.Merchant => 6,
        AttackKind.Concurrent when p is AttackPosition.NetworkGateway or AttackPosition.Merchant => 2,
        _ => 1,
    };

    /// <summary>
    /// How often a target is drawn: the requests of every purchase more than those sent only after something went wrong
    /// (inquiries and reversals), which an attack scenario without faults rarely sends.
    /// </summary>
    private static int Often(string target) => target is Impl.Set.InqReq.Kind or Impl.Set.AuthInqReq.Kind or Impl.Set.AuthRevReq.Kind ? 1 : 4;

    /// <summary>
    /// The kinds an event aims at: only those that cross the position in the embodiment (a custody request only where the
    /// master acquires credentials), a probe at the requests that carry sealed card data when the position sees one, and the
    /// merchant's substitution at the AuthReq it seals (a PReq or PInitReq changed at the merchant is what N-MERCHANT plays).
    /// </summary>
    public static string[] Targets(AttackPosition p, AttackKind kind, EmbodimentTraits t)
    {
        var all = Positions.Targets(p).Where(x => Positions.Fits(kind, x) && (t.AcquiresCredential || x != Impl.Protocol.CustodyProtocol.Acquire)).ToArray();
        var sealedData = all.Where(x => x is Impl.Set.PReq.Kind or Impl.Set.AuthReqPayload.Kind).ToArray();
        if (kind == AttackKind.Substitute && p == AttackPosition.Merchant) return [Impl.Set.AuthReqPayload.Kind];
        return kind == AttackKind.Probe && sealedData.Length > 0 ? sealedData : all;
    }

    /// <summary>An attack at one of the embodiment's positions.</summary>
    public static Gen<Attack> Attack(Embodiment e)
    {
        var t = EmbodimentTraits.Of(e);
        return from p in Gen.Elements(Positions.For(t).ToArray())
               from n in Gen.Choose(1, MaxEvents)
               from events in Gen.ListOf(Event(p, t), n)
               select new Attack(p, [.. events]);
    }

    /// <summary>
    /// What an attacked scenario of embodiment <paramref name="e"/> draws from the attacker campaign's stream: the honest
    /// case's draft and the attack; its merchants come from a stream of their own (<see cref="AttackCampaign.Generate"/>).
    /// </summary>
    public static Gen<(ScenarioDraft Draft, Attack Attack)> Draft(Embodiment e) =>
        from d in ScenarioGen.Draft(e)
        from a in Attack(e)
        select (d, a);

    /// <summary>The attacked scenario of a draft and its attack, with the draft's merchants placed (<see cref="ScenarioGen.Place"/>).</summary>
    public static AttackedScenario Place((ScenarioDraft Draft, Attack Attack) c, MerchantPlan p) =>
        new(Honest(ScenarioGen.Place(c.Draft, p)), c.Attack);

    /// <summary>
    /// The scenario without its generated faults, crashes, heals and tampered purchases: tampering is the attacker's to
    /// do here, and a purchase the scenario had already tampered with would make an attacker's variant that flips the
    /// same bit back the wallet's own, honest message (answered as such), not a tampered one.
    /// </summary>
    private static GeneratedScenario Honest(GeneratedScenario s) =>
        s with
        {
            Steps = [.. s.Steps.Where(x => x is not (Step.Fault or Step.Crash or Step.Heal))
                .Select(x => x is Step.WakeUp { Defect: WakeUpDefect.Tampered } w ? w with { Defect = WakeUpDefect.None } : x)],
        };

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
