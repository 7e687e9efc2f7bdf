using MultiWallet.Impl.Network;

namespace MultiWallet.Impl.Parties;

/// <summary>The faithful journal: the last <paramref name="size"/> accepted messages; a rejected one is not kept.</summary>
/// <param name="size">How many accepted messages are kept at most.</param>
public sealed class MessageWindow(int size) : IMessageJournal
{
    private readonly Queue<NetMessage> kept = new();
    private readonly Lock gate = new();

    /// <inheritdoc/>
    public void Accepted(NetMessage message)
    {
        lock (gate)
        {
            kept.Enqueue(message);
            while (kept.Count > size) kept.Dequeue();
        }
    }

    /// <inheritdoc/>
    public void Rejected(NetMessage message) { }

    /// <inheritdoc/>
    public IReadOnlyList<NetMessage> Messages { get { lock (gate) return [.. kept]; } }
}
