namespace MultiWallet.Audit.Bundle;

/// <summary>A signing or verification key that cannot be used, saying why (bad usage: exit 2).</summary>
/// <param name="message">Why the key cannot be used.</param>
public sealed class BundleKeyException(string message) : Exception(message);
