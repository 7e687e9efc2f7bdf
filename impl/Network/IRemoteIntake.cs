namespace MultiWallet.Impl.Network;

/// <summary>
/// What a request that a party in another process sent goes through on its way to the handler of the receiving party
/// of ours (<see cref="Http.HttpNetwork.Intake"/>): the seam where faults on a message we do not send are applied
/// where we receive it. Without one, the request goes straight to its handler.
/// </summary>
public interface IRemoteIntake
{
    /// <summary>
    /// Delivers <paramref name="request"/> through <paramref name="handle"/> (the receiver's handler) and returns the
    /// answer to send back, or null when no answer is sent (the connection is then closed). <paramref name="senderGone"/>
    /// is cancelled when the sender gives up on the request (it aborted it: its own bounded wait expired, or it died).
    /// The intake traces what it delivers (each request as handled, each answer), as a sender of ours traces its sends.
    /// </summary>
    Task<NetMessage?> ReceiveAsync(NetMessage request, Func<NetMessage, Task<NetMessage>> handle, CancellationToken senderGone);
}
