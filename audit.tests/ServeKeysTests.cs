using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace MultiWallet.Audit.Tests;

/// <summary>
/// `serve` keys (docs/THREATS.md, F9 removed): without --seed every key comes from the operating system's generator, so
/// two served worlds share no root (SET or TLS); with --seed the keys are the seed's, and the console and
/// serve-&lt;E&gt;.json say the run is seeded and therefore not secret.
/// </summary>
public sealed partial class ServeKeysTests
{
    private static (string Output, JsonElement Json) Serve(params string[] extra)
    {
        var dir = Path.Combine(Path.GetTempPath(), "mw-serve-keys-" + Guid.NewGuid().ToString("N"));
        try
        {
            var run = AuditTester.Run(["serve", "--embodiment", "E1", "--once", "--out", dir, .. extra]);
            Assert.Equal(0, run.ExitCode);
            using var j = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "serve-E1.json")));
            Assert.StartsWith("-----BEGIN CERTIFICATE-----", File.ReadAllText(Path.Combine(dir, "serve-E1-tls-root.pem")), StringComparison.Ordinal);
            return (run.Output, j.RootElement.Clone());
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
    }

    private static (string Set, string Tls) Roots(string output) =>
        (SetRoot().Match(output).Groups[1].Value, TlsRoot().Match(output).Groups[1].Value);

    [Fact]
    public void Two_unseeded_serves_share_no_key_and_say_their_keys_are_fresh()
    {
        var (a, ja) = Serve();
        var (b, jb) = Serve();
        var (setA, tlsA) = Roots(a);
        var (setB, tlsB) = Roots(b);
        Assert.Equal(64, setA.Length);
        Assert.Equal(64, tlsA.Length);
        Assert.NotEqual(setA, setB);
        Assert.NotEqual(tlsA, tlsB);
        Assert.NotEqual(ja.GetProperty("setRootSha256").GetString(), jb.GetProperty("setRootSha256").GetString());
        foreach (var (o, j) in new[] { (a, ja), (b, jb) })
        {
            Assert.DoesNotContain("SEEDED", o, StringComparison.Ordinal);
            Assert.Contains("fresh from the operating system", o, StringComparison.Ordinal);
            Assert.False(j.GetProperty("seeded").GetBoolean());
            Assert.True(j.GetProperty("secret").GetBoolean());
        }
    }

    [Fact]
    public void A_seeded_serve_prints_the_not_secret_banner_and_reproduces_its_keys()
    {
        var (a, ja) = Serve("--seed", "7");
        var (b, _) = Serve("--seed", "7");
        Assert.Contains("SEEDED RUN (--seed 7)", a, StringComparison.Ordinal);
        Assert.Contains("NOT SECRET", a, StringComparison.Ordinal);
        Assert.True(ja.GetProperty("seeded").GetBoolean());
        Assert.False(ja.GetProperty("secret").GetBoolean());
        Assert.Equal(7, ja.GetProperty("seed").GetInt32());
        Assert.Contains("NOT SECRET", ja.GetProperty("keys").GetString(), StringComparison.Ordinal);
        Assert.Equal(Roots(a), Roots(b));
    }

    [GeneratedRegex(@"SET root: SHA-256 ([0-9A-F]{64})")]
    private static partial Regex SetRoot();

    [GeneratedRegex(@"TLS root \(the only TLS trust anchor of every party\): SHA-256 ([0-9A-F]{64})")]
    private static partial Regex TlsRoot();
}
