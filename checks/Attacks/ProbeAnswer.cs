namespace MultiWallet.Checks.Attacks;

/// <summary>
/// What one probe variant got: the variant (the field path and bit offset it flipped), the answer as the attacker
/// sees it (kind and body digest, with an error's code and cause for reading), the observable state after it and the
/// observable state before it (an answer may depend on the state it met, never on the variant).
/// </summary>
public sealed record ProbeAnswer(string Variant, string Answer, string Digest, string State, string Before = "")
{
    /// <summary>The field path the variant flipped a bit in (the variant without its offset).</summary>
    public string Path => Variant[..Math.Max(0, Variant.LastIndexOf('@'))];
}
