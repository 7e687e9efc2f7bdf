using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MultiWallet.Audit.Bundle;
using Xunit;

namespace MultiWallet.Audit.Tests;

/// <summary>`verify` signs its bundle (in-toto statement in a DSSE envelope); `verify-bundle` accepts it untouched and rejects any change.</summary>
[Collection(EvidenceCollection.Name)]
public sealed class SignedBundleTests : IClassFixture<SignedBundleTests.Fixture>, IDisposable
{
    /// <summary>One signed bundle (generated key) shared by the tests, which work on copies.</summary>
    public sealed class Fixture : IDisposable
    {
        internal VerifyRun Run { get; } = new("--cases", "3", "--only", "CATALOG-WELLFORMED,AUDIT-SAMPLE-TRACE,AUDIT-SAMPLE-PROPERTY");

        public void Dispose() => Run.Dispose();
    }

    private readonly Fixture fixture;
    private readonly string work = Path.Combine(Path.GetTempPath(), "mw-bundle-test-" + Guid.NewGuid().ToString("N"));

    public SignedBundleTests(Fixture fixture)
    {
        this.fixture = fixture;
        Assert.Equal(0, fixture.Run.Result.ExitCode);
        Directory.CreateDirectory(work);
    }

    public void Dispose() => Directory.Delete(work, recursive: true);

    private string Copy()
    {
        var dir = Path.Combine(work, "b" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        foreach (var f in Directory.GetFiles(fixture.Run.Dir)) File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
        return dir;
    }

    [Fact]
    public void The_statement_names_every_artifact_by_sha256_and_the_console_says_a_generated_key_proves_integrity_only()
    {
        var statement = Statement(fixture.Run.Dir);
        Assert.Equal("https://in-toto.io/Statement/v1", statement.GetProperty("_type").GetString());
        Assert.Equal("https://in-toto.io/attestation/test-result/v0.1", statement.GetProperty("predicateType").GetString());
        var subjects = statement.GetProperty("subject").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("digest").GetProperty("sha256").GetString());
        string[] expected = ["attestation.cdx.json", "checks.log", "evidence.json", "junit.xml", "report.html", "sbom.cdx.json", "timings.json"];
        Assert.Superset(expected.ToHashSet(), subjects.Keys.ToHashSet());
        foreach (var (name, digest) in subjects)
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(fixture.Run.Dir, name)))), digest);
        Assert.Equal("application/vnd.in-toto+json", Envelope(fixture.Run.Dir).GetProperty("payloadType").GetString());
        Assert.Contains("proves integrity, not identity", fixture.Run.Result.Output);
    }

    [Fact]
    public void An_untouched_bundle_verifies()
    {
        var run = AuditTester.Run("verify-bundle", Copy());
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("VERIFIED", run.Output);
    }

    [Theory]
    [InlineData("evidence.json")]
    [InlineData("report.html")]
    [InlineData("junit.xml")]
    [InlineData("attestation.cdx.json")]
    [InlineData("sbom.cdx.json")]
    [InlineData("timings.json")]
    [InlineData("checks.log")]
    [InlineData(BundleFiles.Envelope)]
    public void A_one_byte_change_in_any_file_is_rejected_naming_it(string file)
    {
        var dir = Copy();
        var path = Path.Combine(dir, file);
        var bytes = File.ReadAllBytes(path);
        // In the envelope, change a byte of the signed payload (a changed signature is covered by the key tests).
        var at = file == BundleFiles.Envelope ? Encoding.UTF8.GetString(bytes).IndexOf("\"payload\": \"", StringComparison.Ordinal) + 40 : bytes.Length / 2;
        bytes[at] = bytes[at] == (byte)'A' ? (byte)'B' : (byte)'A';
        File.WriteAllBytes(path, bytes);
        var run = AuditTester.Run("verify-bundle", dir);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"FAILED {file}:", run.Output);
    }

    [Fact]
    public void A_missing_or_an_extra_file_is_rejected_naming_it()
    {
        var missing = Copy();
        File.Delete(Path.Combine(missing, "junit.xml"));
        var run = AuditTester.Run("verify-bundle", missing);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FAILED junit.xml: missing", run.Output);

        var extra = Copy();
        File.WriteAllText(Path.Combine(extra, "notes.txt"), "added later");
        run = AuditTester.Run("verify-bundle", extra);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FAILED notes.txt: extra file", run.Output);
    }

    [Fact]
    public void An_unusable_directory_is_bad_usage()
    {
        Assert.Equal(2, AuditTester.Run("verify-bundle", Path.Combine(work, "none")).ExitCode);
        Directory.CreateDirectory(Path.Combine(work, "empty"));
        var run = AuditTester.Run("verify-bundle", Path.Combine(work, "empty"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not a signed bundle", run.Output);
    }

    [Theory]
    [InlineData("ecdsa")]
    [InlineData("rsa")]
    public void A_given_key_signs_the_bundle_and_only_its_public_half_verifies_it(string kind)
    {
        AsymmetricAlgorithm Make() => kind == "rsa" ? RSA.Create(3072) : ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var key = Make();
        using var other = Make();
        var priv = Path.Combine(work, "key.pem");
        var pub = Path.Combine(work, "key.pub.pem");
        var otherPub = Path.Combine(work, "other.pub.pem");
        File.WriteAllText(priv, key.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(pub, key.ExportSubjectPublicKeyInfoPem());
        File.WriteAllText(otherPub, other.ExportSubjectPublicKeyInfoPem());

        using var run = new VerifyRun("--cases", "3", "--only", "CATALOG-WELLFORMED", "--sign-key", priv);
        Assert.Equal(0, run.Result.ExitCode);
        Assert.Contains("with the --sign-key", run.Result.Output);
        Assert.Equal(0, AuditTester.Run("verify-bundle", run.Dir, "--key", pub).ExitCode);
        var wrong = AuditTester.Run("verify-bundle", run.Dir, "--key", otherPub);
        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains($"FAILED {BundleFiles.Envelope}: the signature does not verify", wrong.Output);
        Assert.Equal(0, OpenSslVerifies(run.Dir, pub));
    }

    [Fact]
    public void A_key_file_without_a_private_key_is_bad_usage_before_anything_runs()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pub = Path.Combine(work, "only-public.pem");
        File.WriteAllText(pub, ec.ExportSubjectPublicKeyInfoPem());
        using var run = new VerifyRun("--cases", "3", "--only", "CATALOG-WELLFORMED", "--sign-key", pub);
        Assert.Equal(2, run.Result.ExitCode);
        Assert.Contains("--sign-key", run.Result.Output);
        Assert.False(Directory.Exists(run.Dir));
    }

    [Fact]
    public void The_dsse_signature_verifies_with_openssl() =>
        Assert.Equal(0, OpenSslVerifies(fixture.Run.Dir, Path.Combine(fixture.Run.Dir, BundleFiles.PublicKey)));

    /// <summary>openssl dgst -sha256 -verify PUB -signature sig.der pae.bin, on the envelope's PAE; returns openssl's exit code.</summary>
    private int OpenSslVerifies(string bundle, string publicKey)
    {
        var env = Envelope(bundle);
        var payload = Convert.FromBase64String(env.GetProperty("payload").GetString()!);
        var dir = Path.Combine(work, "openssl-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        File.WriteAllBytes(Path.Combine(dir, "pae.bin"), Dsse.Pae(env.GetProperty("payloadType").GetString()!, payload));
        File.WriteAllBytes(Path.Combine(dir, "sig.der"), Convert.FromBase64String(env.GetProperty("signatures")[0].GetProperty("sig").GetString()!));
        var psi = new ProcessStartInfo("openssl", ["dgst", "-sha256", "-verify", publicKey, "-signature", "sig.der", "pae.bin"])
        {
            WorkingDirectory = dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode != 0 || output.Contains("Verified OK"), output);
        return p.ExitCode;
    }

    private static JsonElement Envelope(string dir) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, BundleFiles.Envelope))).RootElement.Clone();

    private static JsonElement Statement(string dir) =>
        JsonDocument.Parse(Convert.FromBase64String(Envelope(dir).GetProperty("payload").GetString()!)).RootElement.Clone();
}
