using MultiWallet.Checks.Generators;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Exhaustive;

/// <summary>
/// Every fault program <see cref="ScenarioGen"/> can arm before an honest wake-up, each once: one network fault (drop,
/// delay or duplicate) on each purchase hop; each kind of fault on each recovery hop behind each way of reaching it (a
/// lost or late PReq answer or AuthReq for the inquiry, a lost or late AuthReq for the authorization inquiry, a late
/// AuthReq and a lost authorization inquiry for the reversal); every inquiry lost behind a late AuthReq; a duplicated PReq
/// whose AuthReq is lost or late; each fault kind on each wallet-session and custody hop of the embodiment; two concurrent
/// copies at each hop the generator races; and each crash point of the embodiment.
/// </summary>
public static class FaultPrograms
{
    private static readonly FaultKind[] Kinds = [FaultKind.Drop, FaultKind.Delay, FaultKind.Duplicate];
    private static readonly FaultKind[] Lost = [FaultKind.Drop, FaultKind.Delay];

    /// <summary>The fault programs of an embodiment, distinct, in a fixed order.</summary>
    public static IReadOnlyList<IReadOnlyList<Step>> For(EmbodimentTraits traits)
    {
        var programs = new List<IReadOnlyList<Step>>();
        foreach (var k in Kinds) foreach (var at in ScenarioGen.Primary) programs.Add([new Step.Fault(k, at)]);
        foreach (var at in ScenarioGen.Recovery)
            foreach (var k in Kinds)
                foreach (var lost in Lost)
                    foreach (var hop in (FaultPosition[])[FaultPosition.PReq, FaultPosition.AuthReq])
                        programs.Add([.. Reaching(at, lost, hop), new Step.Fault(k, at)]);
        programs.Add([new Step.Fault(FaultKind.Delay, FaultPosition.AuthReq), .. Enumerable.Repeat(new Step.Fault(FaultKind.Drop, FaultPosition.InqReq), 3)]);
        foreach (var lost in Lost) programs.Add([new Step.Fault(FaultKind.Duplicate, FaultPosition.PReq), new Step.Fault(lost, FaultPosition.AuthReq)]);
        foreach (var k in Kinds) foreach (var at in ScenarioGen.SessionHops(traits)) programs.Add([new Step.Fault(k, at)]);
        foreach (var at in ScenarioGen.ConcurrentAt) programs.Add([new Step.Fault(FaultKind.Concurrent, at)]);
        foreach (var c in ScenarioGen.CrashPoints(traits)) programs.Add([c]);
        return [.. programs.DistinctBy(p => string.Join(";", p))];
    }

    /// <summary>The faults that make a purchase send a request at the recovery hop <paramref name="at"/>, as the generator arms them.</summary>
    private static IReadOnlyList<Step> Reaching(FaultPosition at, FaultKind lost, FaultPosition hop) => at switch
    {
        FaultPosition.InqReq => [new Step.Fault(lost, hop)],
        FaultPosition.AuthInqReq => [new Step.Fault(lost, FaultPosition.AuthReq)],
        _ => [new Step.Fault(FaultKind.Delay, FaultPosition.AuthReq), new Step.Fault(FaultKind.Drop, FaultPosition.AuthInqReq)],
    };

    /// <summary>Whether a program fires only when the master does not pay itself (a slave's or the custodian's hop or crash).</summary>
    public static bool OnlyBehindMaster(IReadOnlyList<Step> program) =>
        program is [Step.Fault f] && ScenarioGen.BehindMaster(f.At) || program is [Step.Crash { Party: CrashParty.Slave or CrashParty.Custodian }];
}
