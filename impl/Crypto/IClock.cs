namespace MultiWallet.Impl.Crypto;

/// <summary>Injected time, so validity checks and message dates replay exactly.</summary>
public interface IClock
{
    /// <summary>The current time, UTC.</summary>
    DateTime UtcNow { get; }
}
