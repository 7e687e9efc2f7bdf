namespace MultiWallet.Audit.Bundle;

/// <summary>The outcome of verifying a bundle directory.</summary>
/// <param name="Problems">Every file that changed, is missing or is extra, or the envelope whose signature fails; empty when the bundle verifies.</param>
/// <param name="Subjects">How many files the signed statement names.</param>
/// <param name="KeyId">The id of the key the signature was checked with.</param>
public sealed record BundleVerification(IReadOnlyList<BundleProblem> Problems, int Subjects, string KeyId)
{
    /// <summary>Whether the signature and every digest verify, with no file missing or extra.</summary>
    public bool Verified => Problems.Count == 0;
}
