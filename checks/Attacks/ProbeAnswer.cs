namespace MultiWallet.Checks.Attacks;

/// <summary>
/// What one probe variant got: the variant (the field path and bit offset it flipped), the answer as the attacker
/// sees it (kind and body digest, with an error's code and cause for reading) and the observable state after it.
/// </summary>
public sealed record ProbeAnswer(string Variant, string Answer, string Digest, string State);
