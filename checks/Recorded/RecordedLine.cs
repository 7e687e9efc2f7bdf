using MultiWallet.Impl.Network;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Recorded;

/// <summary>One line of a recorded trace (docs/protocol/trace-format.md), with the 1-based line it was read from.</summary>
public abstract record RecordedLine(int Line)
{
    /// <summary>
    /// <c>"type":"case"</c>: a case header, what the model needs to predict every order of the case: the embodiment, the
    /// topology (wallets with brands held and advertised, the master, the routing knowledge), the user's script, and what
    /// the recorder observed. Every line up to the next header belongs to this case.
    /// </summary>
    public sealed record Case(int Line, string Id, string Source, Topology Topology, UserScript Script, Observed Observed,
        byte[]? SetRoot, DateTime Clock) : RecordedLine(Line);

    /// <summary><c>"type":"step"</c>: a step that changes the world (InstallWum, ChangeBrands, SetDown, Fault, Crash, Heal).</summary>
    public sealed record StepLine(int Line, int Index, Step Step) : RecordedLine(Line);

    /// <summary><c>"type":"wakeup"</c>: a wake-up (or the replay of an earlier order's): the per-order setup; the events up to its outcome follow.</summary>
    public sealed record WakeUp(int Line, int Index, Step.WakeUp Wake, bool Replay) : RecordedLine(Line);

    /// <summary><c>"type":"msg"</c> or <c>"type":"decision"</c>: one event of the implementation's trace; a message may carry its body.</summary>
    public sealed record Event(int Line, TraceEvent Trace, byte[]? Body) : RecordedLine(Line);

    /// <summary><c>"type":"outcome"</c>: how the wake-up ended.</summary>
    public sealed record OutcomeLine(int Line, Outcome Outcome, string? Xid) : RecordedLine(Line);
}
