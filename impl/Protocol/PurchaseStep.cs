namespace MultiWallet.Impl.Protocol;

/// <summary>What a purchase session does next: send a SET message to the merchant, or finish.</summary>
public abstract record PurchaseStep;
