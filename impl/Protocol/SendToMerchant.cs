namespace MultiWallet.Impl.Protocol;

/// <summary>Send <paramref name="Body"/> (a SET message of <paramref name="Kind"/>) to the merchant; deliver the reply back.</summary>
public sealed record SendToMerchant(string Kind, byte[] Body, IReadOnlyDictionary<string, string> Fields) : PurchaseStep;
