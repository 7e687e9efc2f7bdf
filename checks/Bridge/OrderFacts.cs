namespace MultiWallet.Checks.Bridge;

/// <summary>One order as the merchant and the gateway hold it at one moment (exactly-once checks read it).</summary>
/// <param name="Merchant">The merchant's order state.</param>
/// <param name="Gateway">The gateway's record for the order's XID, or null when it never heard of it.</param>
/// <param name="Standing">Standing authorizations for the order (granted and not reversed).</param>
public sealed record OrderFacts(string Merchant, string? Gateway, int Standing);
