namespace MultiWallet.Impl.World;

/// <summary>Which network a <see cref="PaymentWorld"/> runs on.</summary>
public enum WorldTransport
{
    /// <summary>In-process handlers (<see cref="Network.InMemoryNetwork"/>).</summary>
    InMemory,
    /// <summary>One loopback Kestrel host per party (<see cref="Network.Http.HttpNetwork"/>).</summary>
    Http,
}
