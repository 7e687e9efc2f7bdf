namespace MultiWallet.Checks.Sut;

/// <summary>A violation against the SUT, shrunk by re-running smaller cases against the SUT itself.</summary>
/// <param name="Embodiment">Its embodiment.</param>
/// <param name="CaseIndex">The generated case it was found in.</param>
/// <param name="Replay">The generator handle <c>(seed,gamma,size)</c> of the embodiment's sequence.</param>
/// <param name="Invariant">The violated invariant.</param>
/// <param name="Violation">What the shrunk case violates.</param>
/// <param name="Original">The case as generated, readable.</param>
/// <param name="Shrunk">The shrunk case, readable (topology, user script, steps).</param>
/// <param name="ShrinkRuns">How many smaller cases were run against the SUT to get there.</param>
public sealed record SutCounterexample(string Embodiment, int CaseIndex, string Replay, string Invariant, string Violation, string Original, string Shrunk, int ShrinkRuns);
