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
/// seed's PKI (cached per process), a fixed clock, the merchant POS and the payment gateway. Server
/// wallets and WUMs are added on demand. Later embodiments build selectors and master wallets on it.
/// The transport is in-memory by default; <see cref="WorldTransport.Http"/> runs every party behind its own
/// loopback Kestrel host with the same trace (dispose the world to stop the hosts).
/// </summary>
public sealed class PaymentWorld : IAsyncDisposable
{
    public const string MerchantId = "SHOP-1";

    public PaymentWorld(int seed, TimeSpan? timeout = null, WorldTransport transport = WorldTransport.InMemory)
    {
        Transport = transport;
        Seed = seed;
        Pki = CryptoWorld.For(seed);
        Wire = transport == WorldTransport.Http ? new HttpNetwork(Trace, timeout) : new InMemoryNetwork(Trace, timeout);
        Network = new FaultyNetwork(Wire);
        Merchant = new MerchantPos(MerchantId, Network, Pki, Clock, Random("merchant"));
        Gateway = new PaymentGateway(Network, Pki, Clock, Random("gateway"));
    }

    public int Seed { get; }
    public CryptoWorld Pki { get; }
    public FixedClock Clock { get; } = new();
    public TraceLog Trace { get; } = new();
    public WorldTransport Transport { get; }
    /// <summary>The raw network (SetDown, IsListening): an <see cref="InMemoryNetwork"/> or an <see cref="HttpNetwork"/>.</summary>
    public TracedNetwork Wire { get; }
    /// <summary>The network every party uses: the raw one behind a (by default inactive) fault decorator.</summary>
    public FaultyNetwork Network { get; }
    public MerchantPos Merchant { get; }
    public PaymentGateway Gateway { get; }
    public Dictionary<string, ServerWallet> Wallets { get; } = new(StringComparer.Ordinal);

    /// <summary>The seeded random stream of one party of this world.</summary>
    public SecureRandom Random(string party) => SeededRandom.For(Seed, "run/" + party);

    /// <summary>A validator trusting this world's root, on this world's clock.</summary>
    public ChainValidator Validator(string party) => new(Pki.Root, Clock, party);

    /// <summary>Adds a server wallet holding a cardholder credential for each brand.</summary>
    public ServerWallet AddServerWallet(string name, params string[] brands)
    {
        var sw = new ServerWallet(name, Network, Validator(name), Random("sw/" + name));
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

    /// <summary>Stops the HTTP hosts, if any (nothing to do in memory).</summary>
    public ValueTask DisposeAsync() => Wire is IAsyncDisposable d ? d.DisposeAsync() : ValueTask.CompletedTask;
}
