using MultiWallet.Impl.Crypto;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.Set;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Attacks;

/// <summary>
/// What each attacker position of docs/THREATS.md is, as data: its id, the embodiments it exists in, the messages it
/// sees (a link filter on addresses), the message kinds its events aim at, the events it may play, and the keys it holds.
/// </summary>
public static class Positions
{
    /// <summary>The THREATS.md id of a position.</summary>
    public static string Id(AttackPosition p) => p switch
    {
        AttackPosition.NetworkPc => "N-PC",
        AttackPosition.NetworkSlave => "N-SLAVE",
        AttackPosition.NetworkMerchant => "N-MERCHANT",
        AttackPosition.NetworkGateway => "N-GATEWAY",
        AttackPosition.Local => "LOCAL",
        AttackPosition.Merchant => "MERCHANT",
        AttackPosition.Master => "MSW",
        _ => "SSW",
    };

    /// <summary>The positions an embodiment has: the master and its slave links exist only in E7–E12.</summary>
    public static IReadOnlyList<AttackPosition> For(EmbodimentTraits t) =>
        [.. Enum.GetValues<AttackPosition>().Where(p => t.IsMasterSlave || p is not (AttackPosition.NetworkSlave or AttackPosition.Master))];

    private static readonly Address MasterAddress = Address.ServerWallet(WalletNames.Msw);

    /// <summary>
    /// Whether a message crosses the position (what it observes and acts on); <paramref name="victim"/> names the compromised
    /// wallet, <paramref name="merchant"/> the address of the merchant the MERCHANT position is (<see cref="Merchant"/>).
    /// </summary>
    public static bool Sees(AttackPosition p, NetMessage m, string victim, Address merchant)
    {
        bool Either(Func<Address, bool> f) => f(m.From) || f(m.To);
        bool Between(Func<Address, bool> a, Func<Address, bool> b) => (a(m.From) && b(m.To)) || (b(m.From) && a(m.To));
        static bool Wallet(Address a) => a.WalletName is not null;
        return p switch
        {
            AttackPosition.NetworkPc => Either(a => a == Address.Pc),
            AttackPosition.NetworkSlave => Between(a => a == MasterAddress, a => Wallet(a) && a != MasterAddress),
            // The network positions are on the links of every merchant: the client's to each merchant, the gateway's to each.
            AttackPosition.NetworkMerchant => Between(a => a.IsMerchant, a => a != Address.Gateway),
            AttackPosition.NetworkGateway => Between(a => a.IsMerchant, a => a == Address.Gateway),
            AttackPosition.Local => false,
            AttackPosition.Merchant => Either(a => a == merchant),
            AttackPosition.Master => Either(a => a == MasterAddress),
            _ => Either(a => a == Address.ServerWallet(victim)),
        };
    }

    /// <summary>Whether an event of the position fires on <paramref name="m"/>: a message it sees, or (LOCAL) one the PC sends, whose timing a local process shares.</summary>
    public static bool Fires(AttackPosition p, NetMessage m, string victim, Address merchant) =>
        p == AttackPosition.Local ? m.From == Address.Pc : Sees(p, m, victim, merchant);

    private static readonly string[] WalletKinds = [WalletProtocol.Start, WalletProtocol.Deliver];

    /// <summary>The request kinds the position's events aim at.</summary>
    public static IReadOnlyList<string> Targets(AttackPosition p) => p switch
    {
        AttackPosition.NetworkPc or AttackPosition.Local => WalletKinds,
        AttackPosition.NetworkSlave or AttackPosition.Slave => [.. WalletKinds, CustodyProtocol.Acquire],
        AttackPosition.NetworkMerchant => [PInitReq.Kind, PReq.Kind, InqReq.Kind],
        AttackPosition.NetworkGateway => [AuthReqPayload.Kind, AuthInqReq.Kind, AuthRevReq.Kind],
        AttackPosition.Merchant => [AuthReqPayload.Kind, PInitReq.Kind, PReq.Kind],
        _ => [PInitReq.Kind, PReq.Kind, .. WalletKinds, CustodyProtocol.Acquire],
    };

    private static readonly AttackKind[] Sessions = [AttackKind.SessionRace, AttackKind.SessionHijack, AttackKind.ForgedWakeUp];
    private static readonly AttackKind[] Wire = [AttackKind.Replay, AttackKind.Reorder, AttackKind.Drop, AttackKind.Delay, AttackKind.Duplicate, AttackKind.Concurrent,
        AttackKind.Inject, AttackKind.FlipBit, AttackKind.FlipReply, AttackKind.Substitute, AttackKind.Probe];

    /// <summary>
    /// The events a position may play: a local process only opens sessions; the network on a wallet link does both; the
    /// merchant also signs replies of its own.
    /// </summary>
    public static IReadOnlyList<AttackKind> Kinds(AttackPosition p) => p switch
    {
        AttackPosition.Local => Sessions,
        AttackPosition.Merchant => [.. Wire, AttackKind.ForgeReply],
        AttackPosition.NetworkPc or AttackPosition.NetworkSlave => [.. Wire, .. Sessions],
        _ => Wire,
    };

    /// <summary>
    /// Whether an event aimed at <paramref name="target"/> acts on a request of <paramref name="kind"/>: the same kind, or a
    /// session start in either form (E11/E12's client starts with <see cref="ClientInfo.StartWithInfo"/>, carrying its information).
    /// </summary>
    public static bool Aims(string target, string kind) =>
        target == kind || target == WalletProtocol.Start && kind == ClientInfo.StartWithInfo;

    /// <summary>
    /// Whether an event fits a target: a session event aims at a wallet-protocol start (the only request that opens a
    /// session); a forged reply at the PInitReq (its answer names the key the PI is sealed to).
    /// </summary>
    public static bool Fits(AttackKind k, string target) =>
        k == AttackKind.ForgeReply ? target == PInitReq.Kind : !Sessions.Contains(k) || target == WalletProtocol.Start;

    /// <summary>The key-exchange identities the position holds: what lets it open envelopes (MERCHANT: those of merchant <paramref name="merchantId"/>).</summary>
    public static IReadOnlyList<KeyExchangeIdentity> Keys(AttackPosition p, CryptoWorld pki, string victim, string merchantId) => p switch
    {
        AttackPosition.Merchant => [.. Impl.Crypto.Brands.All.Select(b => pki.Merchant(b.Name, merchantId).KeyExchange)],
        AttackPosition.Master => [pki.ServerWallet(WalletNames.Msw).KeyExchange],
        AttackPosition.Slave => [pki.ServerWallet(victim).KeyExchange],
        _ => [],
    };

    /// <summary>
    /// Whether the position is entitled to wallet <paramref name="wallet"/>'s card data and keys: the wallet itself, and
    /// in E8 the master that borrows them for one order (docs/THREATS.md, L2); the master for its own credentials.
    /// </summary>
    public static bool Entitled(AttackPosition p, string wallet, string victim, EmbodimentTraits t) => p switch
    {
        AttackPosition.Slave => wallet == victim,
        AttackPosition.Master => wallet == WalletNames.Msw || t.AcquiresCredential,
        _ => false,
    };

    /// <summary>The compromised wallet of the SSW position: the topology's first.</summary>
    public static string Victim(Topology t) => t.Wallets.Count > 0 ? t.Wallets[0].Name : WalletNames.Msw;

    /// <summary>
    /// The merchant the MERCHANT position is: the merchant of the user's first order, as SSW is the topology's first wallet.
    /// With one merchant it is that merchant; with several, the one the user deals with first, whose purchases the attack
    /// can then reach (docs/THREATS.md, "The attacker campaign"). The network positions see every merchant's links.
    /// </summary>
    public static string Merchant(IReadOnlyList<Step> steps) =>
        steps.OfType<Step.WakeUp>().Select(w => w.Order.Merchant).FirstOrDefault() ?? CryptoWorld.DefaultMerchantId;
}
