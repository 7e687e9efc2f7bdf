using MultiWallet.Impl.Network;

namespace MultiWallet.Impl.Client;

/// <summary>
/// One wallet session the PC has open, as it writes it to its disk before every request it sends for the session
/// (docs/DECISIONS.md, "PC restart"): enough for a restarted PC to take the session up under the same login and go on
/// with its numbering. Exactly one of <see cref="InFlight"/> (a session request sent, its answer not yet back) and
/// <see cref="Unanswered"/> (a SET message forwarded to the merchant, its answer not yet back) says where the PC was.
/// </summary>
/// <param name="Session">The session id.</param>
/// <param name="Login">The login the session was started under.</param>
/// <param name="Wallet">The wallet's address.</param>
/// <param name="WalletName">The wallet's name (what the login key is for).</param>
/// <param name="Self">The PC address the session's requests are sent from.</param>
/// <param name="Merchant">The merchant the SET messages are forwarded to.</param>
/// <param name="LidM">The order the session pays.</param>
/// <param name="Next">The number the session's next new request gets.</param>
/// <param name="InFlight">The session request sent and not answered yet (sealed: a restarted PC sends the same bytes).</param>
/// <param name="Unanswered">The forwarded SET message not answered yet (a digest prefix, as a NoAnswer Deliver names it).</param>
/// <param name="Inquiry">The wallet's last inquiry as relayed (kept with an "outcome unknown" answer, W4).</param>
/// <param name="InquiryFields">The fields that inquiry was relayed with.</param>
public sealed record OpenSession(string Session, string Login, Address Wallet, string WalletName, Address Self, Address Merchant, string LidM, long Next,
    NetMessage? InFlight, string? Unanswered, byte[]? Inquiry, IReadOnlyDictionary<string, string>? InquiryFields);
