namespace MultiWallet.Checks.Sut;

/// <summary>A provisioning call the system under test did not answer within its wait: inconclusive, never a failure.</summary>
public sealed class SutHangException(string message, string exchange) : Exception(message)
{
    /// <summary>The request that got no answer and the wait that expired.</summary>
    public string Exchange { get; } = exchange;
}
