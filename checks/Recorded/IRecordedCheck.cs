namespace MultiWallet.Checks.Recorded;

/// <summary>One rule a recorded wake-up is held to; it may remember what it needs across the case's wake-ups in the ledger.</summary>
public interface IRecordedCheck
{
    /// <summary>The requirement id the rule checks.</summary>
    string Requirement { get; }

    /// <summary>Every violation of the rule in <paramref name="w"/> (run once per wake-up, in order).</summary>
    IEnumerable<TraceFinding> Check(RecordedWakeUp w);
}
