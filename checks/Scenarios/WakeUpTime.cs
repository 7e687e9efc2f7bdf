namespace MultiWallet.Audit.Scenarios;

/// <summary>The world's time around one wake-up (virtual in memory: deterministic for a seed, no wall clock).</summary>
/// <param name="Started">When the wake-up was presented.</param>
/// <param name="Ended">When its outcome was reported.</param>
/// <param name="ElapsedMs">Ended − Started in milliseconds (a bounded wait shows here as the hop's timeout).</param>
public sealed record WakeUpTime(DateTime Started, DateTime Ended, double ElapsedMs);
