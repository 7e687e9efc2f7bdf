using MultiWallet.Impl.Network;

namespace MultiWallet.Impl.Parties;

/// <summary>
/// What the merchant keeps of the messages it handles (<see cref="MerchantPos.Received"/>). The faithful
/// <see cref="MessageWindow"/> keeps the last messages of validated exchanges and nothing of a rejected one (M7,
/// INV-BOUNDED); the interface is the seam a seeded fault substitutes.
/// </summary>
public interface IMessageJournal
{
    /// <summary>A message of a validated exchange (an accepted request, a verified gateway answer).</summary>
    void Accepted(NetMessage message);

    /// <summary>A request the merchant refused with an Error.</summary>
    void Rejected(NetMessage message);

    /// <summary>What is kept now, oldest first.</summary>
    IReadOnlyList<NetMessage> Messages { get; }
}
