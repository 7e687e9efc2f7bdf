namespace MultiWallet.Impl.Network;

/// <summary>
/// The party that sent a request crashed while it waited for the answer (<see cref="FaultyNetwork.Crash"/> with the sender
/// stopped): whatever that party was doing ends here, and nothing it would have done next happens. Thrown to a party whose
/// work is a caller's (the user PC), which has no listener whose answers could be lost instead; its restarted instance
/// takes over from what it persisted.
/// </summary>
/// <param name="party">The crashed party's address.</param>
/// <param name="kind">The kind of the request it was waiting on.</param>
public sealed class SenderCrashedException(Address party, string kind) : Exception($"{party.Value} crashed waiting for the answer to {kind}")
{
    /// <summary>The crashed party's address.</summary>
    public Address Party { get; } = party;
}
