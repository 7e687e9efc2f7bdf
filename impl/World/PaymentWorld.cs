using MultiWallet.Impl.Client;
using MultiWallet.Impl.Crypto;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Network.Http;
using MultiWallet.Impl.Parties;
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
    public const string MerchantId = "SHOP-1";

    /// <summary>A world for <paramref name="seed"/> on <paramref name="transport"/>, every wait bounded by <paramref name="timeout"/>.</summary>
    public PaymentWorld(int seed, TimeSpan? timeout = null, WorldTransport transport = WorldTransport.InMemory)
    {
        Transport = transport;
        Seed = seed;
        Pki = CryptoWorld.For(seed);
        Clock = new FixedClock(VirtualTime);
        // Over HTTP every wait is on the wall clock: the merchant's and the gateway's keys (generated on first use, seconds
        // of CPU) are made now, before any purchase, so no bounded wait ever measures key generation.
        if (transport == WorldTransport.Http)
            foreach (var b in Brands.All) { Pki.Merchant(b.Name); Pki.Gateway(b.Name); }
        Wire = transport == WorldTransport.Http ? new HttpNetwork(Trace, timeout) : new InMemoryNetwork(Trace, timeout, VirtualTime);
        Network = new FaultyNetwork(Wire);
        // Each party gets its own credentials, the root through its validator, the clock and its own stream;
        // the merchant learns only the public key-exchange chains of the gateway.
        var gatewayCredentials = new BrandCredentials(Pki.Gateway);
        Merchant = new MerchantPos(MerchantId, Network, new BrandCredentials(Pki.Merchant), gatewayCredentials.KeyExchangeChains, Validator("merchant"), Clock, Random("merchant"));
        Gateway = new PaymentGateway(Network, gatewayCredentials, Validator("gateway"), Random("gateway"));
    }

    /// <summary>The run seed.</summary>
    public int Seed { get; }
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
    /// <summary>The merchant POS.</summary>
    public MerchantPos Merchant { get; }
    /// <summary>The payment gateway.</summary>
    public PaymentGateway Gateway { get; }
    /// <summary>The server wallets added so far, by name.</summary>
    public Dictionary<string, ServerWallet> Wallets { get; } = new(StringComparer.Ordinal);

    /// <summary>The seeded random stream of one party of this world.</summary>
    public SecureRandom Random(string party) => SeededRandom.For(Seed, "run/" + party);

    /// <summary>A validator trusting this world's root, on this world's clock.</summary>
    public ChainValidator Validator(string party) => new(Pki.Root, Clock, party);

    /// <summary>Adds a server wallet holding a cardholder credential for each brand.</summary>
    public ServerWallet AddServerWallet(string name, params string[] brands)
    {
        var sw = new ServerWallet(name, Network, Validator(name), Random("sw/" + name), Clock);
        foreach (var b in brands) sw.AddCredential(Pki.Cardholder(name, b));
        Wallets[name] = sw;
        return sw;
    }

    /// <summary>A conventional WUM on the user PC paired to the named wallet.</summary>
    public Wum NewWum(string walletName, string? wumName = null) => new(Network, Address.ServerWallet(walletName), name: wumName);

    /// <summary>Marks a wallet's address down (Unreachable) or up again.</summary>
    public void SetWalletDown(string walletName, bool down = true) => Wire.SetDown(Address.ServerWallet(walletName), down);

    /// <summary>The merchant offers an order and returns the wake-up bytes.</summary>
    public byte[] WakeUp(string lidM, string brand, long amount = 12_800, string currency = "JPY", string description = "1 x book") =>
        Merchant.Offer(lidM, description, amount, currency, brand);

    /// <summary>
    /// Runs a purchase (or any work on this world) to completion from synchronous code, on <see cref="Time"/>: throws
    /// <see cref="HangException"/> in memory when it can make no progress, <see cref="WallClockLimitException"/> over HTTP.
    /// </summary>
    public T Run<T>(Func<CancellationToken, Task<T>> work) => Time.Run(work);

    /// <summary>Stops the HTTP hosts, if any (nothing to do in memory).</summary>
    public ValueTask DisposeAsync() => Wire is IAsyncDisposable d ? d.DisposeAsync() : ValueTask.CompletedTask;
}
