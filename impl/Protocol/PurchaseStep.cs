using MultiWallet.Impl.Protocol;

namespace MultiWallet.Impl.Protocol;

/// <summary>What a purchase session does next: send a SET message to the merchant, or finish.</summary>
public abstract record PurchaseStep;

/// <summary>Send <paramref name="Body"/> (a SET message of <paramref name="Kind"/>) to the merchant; deliver the reply back.</summary>
public sealed record SendToMerchant(string Kind, byte[] Body, IReadOnlyDictionary<string, string> Fields) : PurchaseStep;

/// <summary>The session ended with this outcome.</summary>
public sealed record Finished(PaymentOutcome Outcome) : PurchaseStep;
