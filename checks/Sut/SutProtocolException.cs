namespace MultiWallet.Checks.Sut;

/// <summary>
/// The system under test misbehaved at the protocol level: a provisioning answer with a status the contract does not
/// allow, or a body that does not parse. <see cref="Exchange"/> is the request and answer that showed it.
/// </summary>
public sealed class SutProtocolException(string message, string exchange) : Exception(message)
{
    /// <summary>The request and the answer, as text.</summary>
    public string Exchange { get; } = exchange;
}
