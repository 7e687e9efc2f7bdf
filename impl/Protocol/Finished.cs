namespace MultiWallet.Impl.Protocol;

/// <summary>The session ended with this outcome.</summary>
public sealed record Finished(PaymentOutcome Outcome) : PurchaseStep;
