namespace MultiWallet.Audit.Scenarios;

/// <summary>
/// What the auditor expects of one wake-up (or replay), written by hand from the patent: every field is optional and
/// only the given ones are checked, against the model's prediction and the implementation's run alike.
/// </summary>
/// <param name="Line">The line of the `expect:` key, for messages.</param>
public sealed record Expectation(long Line)
{
    /// <summary>`Paid`, or the refusal class (a <see cref="Model.Vocabulary.Reason"/> name).</summary>
    public string? Outcome { get; init; }

    /// <summary>The paying wallet, or the wallet a refusal names; <see cref="None"/> for a refusal naming none.</summary>
    public string? Wallet { get; init; }

    /// <summary>The brand of the wake-up as the outcome reports it.</summary>
    public string? Brand { get; init; }

    /// <summary>Every wallet the purchase was routed to, in order (selector, WUM or MSW decisions); empty: routed nowhere.</summary>
    public IReadOnlyList<string>? RoutedTo { get; init; }

    /// <summary>The options the user was offered; empty: nothing was offered.</summary>
    public IReadOnlyList<string>? Offered { get; init; }

    /// <summary>Whether a proxy hop (MSW → SSW) is present.</summary>
    public bool? Proxy { get; init; }

    /// <summary>Whether a custodian released a credential to the MSW (E8).</summary>
    public bool? CredentialReleased { get; init; }

    /// <summary>Whether the MSW erased the credential it acquired (E8).</summary>
    public bool? CredentialErased { get; init; }

    /// <summary>Whether the purchase initiation (PInitReq) was sent; false for a refusal before any SET message.</summary>
    public bool? PInitReq { get; init; }

    /// <summary>Standing authorizations of the wake-up's order at the gateway after it (implementation state).</summary>
    public int? Authorizations { get; init; }

    /// <summary>The written form of "no wallet" in <see cref="Wallet"/>.</summary>
    public const string None = "none";
}
