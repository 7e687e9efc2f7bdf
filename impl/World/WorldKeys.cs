using MultiWallet.Impl.Crypto;
using MultiWallet.Impl.Network.Http;
using Org.BouncyCastle.Crypto.Prng;
using Org.BouncyCastle.Security;

namespace MultiWallet.Impl.World;

/// <summary>
/// Where a world's keys and randomness come from: every SET key and certificate (<see cref="Pki"/>), every TLS key and
/// certificate (<see cref="Tls"/>) and every party's random stream (nonces, challenges, session ids, XIDs).
/// <see cref="Seeded"/> derives them all from a run seed, so a campaign replays byte for byte and anyone who knows the
/// seed knows every key; <see cref="Fresh"/> draws them all from the operating system's generator, so nothing about them
/// is public (<c>serve</c> without <c>--seed</c>).
/// </summary>
public sealed class WorldKeys
{
    private readonly Func<string, SecureRandom> streams;
    private HttpTls? httpTls;

    private WorldKeys(int? seed, CryptoWorld pki, Func<string, SecureRandom> streams)
    {
        Seed = seed;
        Pki = pki;
        this.streams = streams;
        Tls = new TlsCertificates(streams);
    }

    /// <summary>Keys derived from <paramref name="seed"/>: reproducible, and therefore not secret.</summary>
    public static WorldKeys Seeded(int seed) => new(seed, CryptoWorld.For(seed), label => SeededRandom.For(seed, label));

    /// <summary>Keys from the operating system's generator: secret, and different on every call.</summary>
    public static WorldKeys Fresh() => new(null, CryptoWorld.Fresh(), _ => new SecureRandom(new CryptoApiRandomGenerator()));

    /// <summary>The seed every key derives from; null when the keys are <see cref="Fresh"/>.</summary>
    public int? Seed { get; }

    /// <summary>Whether anyone who knows the seed can rebuild every key (true for <see cref="Seeded"/>).</summary>
    public bool IsSeeded => Seed is not null;

    /// <summary>The SET PKI.</summary>
    public CryptoWorld Pki { get; }

    /// <summary>The TLS PKI of the HTTP transport.</summary>
    public TlsCertificates Tls { get; }

    /// <summary>The random stream named <paramref name="label"/>.</summary>
    public SecureRandom Stream(string label) => streams(label);

    /// <summary>The trust and certificates an <see cref="HttpNetwork"/> of this world uses.</summary>
    public HttpTls HttpTls => httpTls ??= Tls.Trust();
}
