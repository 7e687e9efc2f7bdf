using MultiWallet.Impl.Client;
using MultiWallet.Impl.Crypto;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Network.Http;
using MultiWallet.Impl.Parties;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.Server;
using Org.BouncyCastle.Security;

namespace MultiWallet.Impl.World;

/// <summary>
/// A wired test world for one seed: trace, in-memory network behind a fault-injection decorator, the
/// seed's PKI (cached per process), a virtual clock, the merchant POS and the payment gateway. Server
/// wallets and WUMs are added on demand; <see cref="EmbodimentWorld"/> builds the selectors and master wallets of E1–E12 on it.
/// The transport is in-memory by default; <see cref="WorldTransport.Http"/> runs every party behind its own
/// loopback Kestrel host with the same trace (dispose the world to stop the hosts).
/// Time: every party reads <see cref="Clock"/>, a view of the world's own <see cref="VirtualTime"/>. In memory the network
/// waits on that same virtual time, and <see cref="Run{T}"/> drives a purchase on it (timeouts are deterministic, a hang
/// is "no runnable work left"); over HTTP the network waits on the wall clock and <see cref="Run{T}"/> is bounded by
/// <see cref="WallClock.RunLimit"/> (its expiry is environment, not a verdict).
/// </summary>
public sealed class PaymentWorld : IAsyncDisposable
{
    /// <summary>The merchant id of the world's merchant.</summary>
    public const string MerchantId = CryptoWorld.DefaultMerchantId;

    private WorldParts parts;
    private int restarts;

    /// <summary>
    /// A world for <paramref name="seed"/> on <paramref name="transport"/>, every wait bounded by <paramref name="timeout"/>,
    /// its parties built with <paramref name="parts"/> (faithful components where null), its keys and randomness from
    /// <paramref name="keys"/> (default: derived from <paramref name="seed"/>; <see cref="WorldKeys.Fresh"/> for secret ones).
    /// <paramref name="tap"/>, when given, decorates the raw network beneath the fault decorator: an instrument that sees
    /// (and may act on) every message on the wire, as an attacker on the network would (checks/Attacks).
    /// </summary>
    public PaymentWorld(int seed, TimeSpan? timeout = null, WorldTransport transport = WorldTransport.InMemory, WorldParts? parts = null, WorldKeys? keys = null,
        Func<TracedNetwork, INetwork>? tap = null)
    {
        this.parts = parts ?? new WorldParts();
        Transport = transport;
        Seed = seed;
        Keys = keys ?? WorldKeys.Seeded(seed);
        Pki = Keys.Pki;
        Logins = new LoginIssuer(Keys.Stream);
        PcLogin = Logins.Client(LoginIssuer.User, Random("pc/sessions"));
        Clock = new FixedClock(VirtualTime);
        // Over HTTP every wait is on the wall clock: the merchant's and the gateway's keys (generated on first use, seconds
        // of CPU) are made now, before any purchase, so no bounded wait ever measures key generation.
        if (transport == WorldTransport.Http)
            foreach (var b in Brands.All) { Pki.Merchant(b.Name); Pki.Gateway(b.Name); }
        Wire = transport == WorldTransport.Http ? new HttpNetwork(Trace, Keys.HttpTls, timeout) : new InMemoryNetwork(Trace, timeout, VirtualTime);
        if (this.parts.Hops is { } hops) Wire.Hops = hops;
        Network = new FaultyNetwork(tap?.Invoke(Wire) ?? Wire, Wire.Time);
        NewMerchant(MerchantId, [], "merchant");
        Gateway = NewGateway(null, "gateway");
    }

    // Each party gets its own credentials, the root through its validator, the clock and its own stream;
    // a merchant learns only the public key-exchange chains of the gateway. Every merchant has its own certificates
    // (naming its merchant id), address, order table and stream; the first keeps the names a one-merchant world always had.
    private MerchantPos NewMerchant(string id, IEnumerable<MerchantOrder> persisted, string stream)
    {
        var first = id == MerchantId;
        var pos = new MerchantPos(id, Network, new BrandCredentials(b => Pki.Merchant(b, id)), new BrandCredentials(Pki.Gateway).KeyExchangeChains,
            Validator(first ? "merchant" : "merchant/" + id), Clock, Random(first ? stream : $"{stream}/{id}"), at: Address.MerchantOf(id),
            persisted: persisted, resolution: parts.OrderResolution, journal: parts.MerchantJournal?.Invoke(), lifetimes: parts.OrderLifetimes, failureAnswer: parts.FailureAnswer);
        merchants[id] = pos;
        return pos;
    }

    private readonly Dictionary<string, MerchantPos> merchants = new(StringComparer.Ordinal);

    /// <summary>
    /// Adds a merchant POS named <paramref name="merchantId"/> (its own SET certificates under each brand's Merchant CA, listening at
    /// <see cref="Address.MerchantOf"/>); the gateway serves it as it serves every merchant its certificates name. Returns the
    /// existing one when the id is already a merchant of this world.
    /// </summary>
    public MerchantPos AddMerchant(string merchantId)
    {
        if (merchants.TryGetValue(merchantId, out var known)) return known;
        if (Transport == WorldTransport.Http) foreach (var b in Brands.All) Pki.Merchant(b.Name, merchantId);
        return NewMerchant(merchantId, [], "merchant");
    }

    /// <summary>Every merchant of this world by merchant id, in the order they were added (the first, <see cref="MerchantId"/>, first).</summary>
    public IReadOnlyDictionary<string, MerchantPos> Merchants => merchants;

    /// <summary>The merchant POS <paramref name="merchantId"/>; throws for an id that is no merchant of this world.</summary>
    public MerchantPos MerchantNamed(string merchantId) =>
        merchants.TryGetValue(merchantId, out var m) ? m : throw new ArgumentException($"no merchant {merchantId} in this world", nameof(merchantId));

    private PaymentGateway NewGateway(IGatewayLedger? persisted, string stream) =>
        new(Network, new BrandCredentials(Pki.Gateway), Validator("gateway"), Random(stream), ledger: persisted ?? parts.GatewayLedger?.Invoke(this),
            failureAnswer: parts.FailureAnswer, agreement: parts.AuthReqAgreement);

    // The user registered a login at every wallet the world gives it; a restarted wallet keeps its logins (configuration) and,
    // unless amnesiac, its session log.
    private ServerWallet NewServerWallet(string name, IEnumerable<CardholderCredential> credentials, string stream, IReadOnlyDictionary<string, PurchaseLog>? persisted = null,
        WalletLogins? logins = null, IReadOnlyDictionary<string, SessionRecord>? sessionLog = null)
    {
        var amnesiac = parts.Amnesiac.Contains(name);
        var sw = new ServerWallet(name, Network, Validator(name), Random(stream), Clock, parts.WalletSessions, parts.WalletInquiries ?? CardholderPurchase.MaxInquiries,
            amnesiac ? null : persisted, logins ?? Logins.Register(new WalletLogins(), LoginIssuer.User, name), amnesiac ? null : sessionLog,
            parts.SessionAuthentication, parts.GatewayKeyCheck);
        foreach (var c in credentials) sw.AddCredential(c);
        return Wallets[name] = sw;
    }

    /// <summary>The components this world builds its parties with.</summary>
    public WorldParts Parts => parts;

    /// <summary>
    /// Rebuilds the merchant, the gateway and every server wallet with <paramref name="substitute"/> and sets the network's
    /// hop table: for a world built before its parts were known (checks/Bridge builds the world, then the embodiment).
    /// Call it before any purchase; what the parties held is carried over as a restart would.
    /// </summary>
    public void Use(WorldParts substitute)
    {
        parts = substitute;
        Wire.Hops = substitute.Hops ?? HopTimeouts.Faithful;
        foreach (var (id, m) in merchants.ToList()) NewMerchant(id, m.Orders.Values, "merchant");
        Gateway = NewGateway(null, "gateway");
        foreach (var (name, sw) in Wallets.ToList()) NewServerWallet(name, sw.Credentials, "sw/" + name, logins: sw.Logins);
    }

    /// <summary>
    /// Names <see cref="Restart"/> accepts for the world's own parties (server wallets go by their name; a merchant other than
    /// the first by its address, <c>merchant/ID</c>).
    /// </summary>
    public const string MerchantParty = "merchant", GatewayParty = "gateway";

    /// <summary>
    /// Crash and restart: replaces <paramref name="party"/> (<see cref="MerchantParty"/>, <see cref="GatewayParty"/> or a
    /// server wallet's name) by a fresh instance built from what a real one would persist (docs/DECISIONS.md, "Bounded
    /// resources"): the merchant's order table (an order caught Authorizing comes back AuthorizationUnknown), the gateway's
    /// ledger, a server wallet's credentials (configuration) and its transaction log (each open purchase whose PReq was
    /// built comes back as a session that inquires), none of its other session state. The fresh instance listens at the same
    /// address and draws from a fresh random stream; whatever the crashed instance still does afterwards reaches no state
    /// of the new one. Returns false for a name this world does not own.
    /// </summary>
    public bool Restart(string party)
    {
        var n = ++restarts;
        switch (party)
        {
            case MerchantParty:
                NewMerchant(MerchantId, parts.Amnesiac.Contains(party) ? [] : Merchant.Orders.Values, $"merchant/restart-{n}");
                return true;
            case var other when other.StartsWith(MerchantParty + "/", StringComparison.Ordinal) && merchants.TryGetValue(other[(MerchantParty.Length + 1)..], out var pos):
                NewMerchant(pos.MerchantId, parts.Amnesiac.Contains(MerchantParty) ? [] : pos.Orders.Values, $"merchant/restart-{n}");
                return true;
            case GatewayParty:
                var (limit, byBrand, byMerchant) = (Gateway.DeclineAbove, Gateway.DeclineAboveByBrand, Gateway.DeclineAboveByMerchant);
                Gateway = NewGateway(parts.Amnesiac.Contains(party) ? null : Gateway.Ledger, $"gateway/restart-{n}");
                Gateway.DeclineAbove = limit;
                foreach (var (brand, own) in byBrand) Gateway.DeclineAboveByBrand[brand] = own;
                foreach (var (merchant, own) in byMerchant) Gateway.DeclineAboveByMerchant[merchant] = own;
                return true;
            default:
                if (!Wallets.TryGetValue(party, out var sw)) return false;
                NewServerWallet(party, sw.Credentials, $"sw/{party}/restart-{n}", sw.OpenPurchases, sw.Logins, sw.SessionLog);
                return true;
        }
    }

    /// <summary>The run seed (of the generators; the keys follow it only when <see cref="Keys"/> is seeded).</summary>
    public int Seed { get; }
    /// <summary>Where every key, certificate and random stream of this world comes from.</summary>
    public WorldKeys Keys { get; }
    /// <summary>The world's issuance of login keys (for the world builder and checks; each party holds only its own).</summary>
    public LoginIssuer Logins { get; }
    /// <summary>What the user's PC holds for its wallet sessions: its login keys and its session-id stream (shared by every entry point on it).</summary>
    public ClientLogin PcLogin { get; }
    /// <summary>The seed's whole PKI (for the world builder and checks; no party holds it).</summary>
    public CryptoWorld Pki { get; }
    /// <summary>The world's virtual time: what <see cref="Clock"/> reads, and what the in-memory network waits on.</summary>
    public VirtualTime VirtualTime { get; } = new(FixedClock.Epoch);
    /// <summary>The clock every party validates on (a view of <see cref="VirtualTime"/>).</summary>
    public FixedClock Clock { get; }
    /// <summary>The time the network's waits run on: <see cref="VirtualTime"/> in memory, the wall clock over HTTP.</summary>
    public ITimeSource Time => Wire.Time;
    /// <summary>The trace of everything on the network.</summary>
    public TraceLog Trace { get; } = new();
    /// <summary>Which network the parties run on.</summary>
    public WorldTransport Transport { get; }
    /// <summary>The raw network (SetDown, IsListening): an <see cref="InMemoryNetwork"/> or an <see cref="HttpNetwork"/>.</summary>
    public TracedNetwork Wire { get; }
    /// <summary>The network every party uses: the raw one behind a (by default inactive) fault decorator.</summary>
    public FaultyNetwork Network { get; }
    /// <summary>The world's first merchant POS (<see cref="MerchantId"/>).</summary>
    public MerchantPos Merchant => merchants[MerchantId];
    /// <summary>The payment gateway.</summary>
    public PaymentGateway Gateway { get; private set; }
    /// <summary>The server wallets added so far, by name.</summary>
    public Dictionary<string, ServerWallet> Wallets { get; } = new(StringComparer.Ordinal);

    /// <summary>The random stream of one party of this world (seeded or from the OS, as <see cref="Keys"/> says).</summary>
    public SecureRandom Random(string party) => Keys.Stream("run/" + party);

    /// <summary>A validator trusting this world's root, on this world's clock.</summary>
    public ChainValidator Validator(string party) => new(Pki.Root, Clock, party);

    /// <summary>Adds a server wallet holding a cardholder credential for each brand.</summary>
    public ServerWallet AddServerWallet(string name, params string[] brands) => NewServerWallet(name, brands.Select(b => Pki.Cardholder(name, b)), "sw/" + name);

    /// <summary>A conventional WUM on the user PC paired to the named wallet.</summary>
    public Wum NewWum(string walletName, string? wumName = null) => new(Network, Address.ServerWallet(walletName), PcLogin, name: wumName);

    /// <summary>Marks a wallet's address down (Unreachable) or up again.</summary>
    public void SetWalletDown(string walletName, bool down = true) => Wire.SetDown(Address.ServerWallet(walletName), down);

    /// <summary>The merchant (the first unless <paramref name="merchant"/> names another) offers an order and returns the wake-up bytes.</summary>
    public byte[] WakeUp(string lidM, string brand, long amount = 12_800, string currency = "JPY", string description = "1 x book", string? merchant = null) =>
        (merchant is null ? Merchant : MerchantNamed(merchant)).Offer(lidM, description, amount, currency, brand);

    /// <summary>
    /// Runs a purchase (or any work on this world) to completion from synchronous code, on <see cref="Time"/>: throws
    /// <see cref="HangException"/> in memory when it can make no progress, <see cref="WallClockLimitException"/> over HTTP.
    /// </summary>
    public T Run<T>(Func<CancellationToken, Task<T>> work) => Time.Run(work);

    /// <summary>Stops the HTTP hosts, if any (nothing to do in memory).</summary>
    public ValueTask DisposeAsync() => Wire is IAsyncDisposable d ? d.DisposeAsync() : ValueTask.CompletedTask;
}
