namespace MultiWallet.Impl.World;

/// <summary>Which network a <see cref="PaymentWorld"/> runs on.</summary>
public enum WorldTransport { InMemory, Http }
