namespace MultiWallet.Audit.Bundle;

/// <summary>A directory that cannot be verified at all (missing, no envelope, no key): bad usage, exit 2.</summary>
/// <param name="message">Why.</param>
public sealed class BundleUnusableException(string message) : Exception(message);
