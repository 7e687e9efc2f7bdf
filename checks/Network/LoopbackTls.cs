using MultiWallet.Checks.Catalog;
using MultiWallet.Impl.Crypto;
using MultiWallet.Impl.Network.Http;
using MultiWallet.Impl.World;

namespace MultiWallet.Checks.Network;

/// <summary>
/// The TLS of the transport checks' own networks: one seeded world TLS PKI shared by every network a check starts (so
/// they trust each other, as the parties of one world do), and a second one with a root of its own, for the checks
/// that try certificates the world did not issue.
/// </summary>
internal static class LoopbackTls
{
    private static readonly Lazy<WorldKeys> Keys = new(() => WorldKeys.Seeded(CheckContext.DefaultSeed));
    private static readonly Lazy<WorldKeys> ForeignKeys = new(() => WorldKeys.Seeded(CheckContext.DefaultSeed + 1));

    /// <summary>The world's TLS trust and certificates.</summary>
    public static HttpTls Trust => Keys.Value.HttpTls;

    /// <summary>The world's TLS issuer (for a hand-written client or server that must speak TLS).</summary>
    public static TlsCertificates Certificates => Keys.Value.Tls;

    /// <summary>Another world's TLS: its root is not the checks' root.</summary>
    public static HttpTls Foreign => ForeignKeys.Value.HttpTls;
}
