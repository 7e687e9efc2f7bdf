using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;

namespace MultiWallet.Checks.Traces.Scenarios;

/// <summary>What one wake-up did: its step, its outcome, the trace events it produced (1-based, inclusive).</summary>
public sealed record TraceWakeUpResult(int Index, WakeUpStep Step, PaymentOutcome Outcome, int FirstSeq, int LastSeq, IReadOnlyList<TraceEvent> Events);
