using MultiWallet.Impl.Codec;
using MultiWallet.Impl.Crypto;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Parties;
using MultiWallet.Impl.Server;

namespace MultiWallet.Impl.World;

/// <summary>
/// Components of a <see cref="PaymentWorld"/>'s own parties a caller may replace (a seeded fault in checks/Faults is
/// one); each null member keeps the faithful component. Used when the world builds or restarts a party.
/// </summary>
public sealed record WorldParts
{
    /// <summary>The gateway's ledger of per-XID records, given the world (its time, for a ledger that waits).</summary>
    public Func<PaymentWorld, IGatewayLedger>? GatewayLedger { get; init; }

    /// <summary>What the merchant and the gateway answer the sender of a request they refused.</summary>
    public IFailureAnswer? FailureAnswer { get; init; }

    /// <summary>How the gateway compares the PI with the merchant's AuthReqData.</summary>
    public IAuthReqAgreement? AuthReqAgreement { get; init; }

    /// <summary>The merchant's decisions about an order whose authorization is unknown.</summary>
    public IOrderResolution? OrderResolution { get; init; }

    /// <summary>What the merchant keeps of the messages it handles.</summary>
    public Func<IMessageJournal>? MerchantJournal { get; init; }

    /// <summary>How long the merchant keeps an order in each state.</summary>
    public IOrderLifetimes? OrderLifetimes { get; init; }

    /// <summary>The per-hop wait table of the world's network.</summary>
    public IHopTimeouts? Hops { get; init; }

    /// <summary>How many inquiries a server wallet's purchase sends before it reports the outcome unknown.</summary>
    public int? WalletInquiries { get; init; }

    /// <summary>The table a server wallet keeps its sessions in, given its clock and the session lifetime.</summary>
    public Func<IClock, TimeSpan, IExpiringTable<string, CardholderPurchase>>? WalletSessions { get; init; }

    /// <summary>How server wallets and the master decide that a session request comes from the login it names.</summary>
    public IRequestAuthentication? SessionAuthentication { get; init; }

    /// <summary>How server wallets check the gateway key-exchange certificate they seal the PI to.</summary>
    public IGatewayKeyCheck? GatewayKeyCheck { get; init; }

    /// <summary>
    /// Parties (<see cref="PaymentWorld.MerchantParty"/>, <see cref="PaymentWorld.GatewayParty"/>, a server wallet's name,
    /// the user PC: <see cref="EmbodimentWorld.PcParty"/>) that come back from a restart with nothing of what a real one
    /// persists (the order table, the ledger, the transaction log, the PC's disk): a seeded fault; empty keeps every
    /// party's persistence.
    /// </summary>
    public IReadOnlySet<string> Amnesiac { get; init; } = new HashSet<string>();
}
