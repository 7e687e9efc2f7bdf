using System.Diagnostics;
using MultiWallet.Checks.Catalog;
using MultiWallet.Impl.Crypto;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.Set;
using MultiWallet.Impl.World;

namespace MultiWallet.Checks.Foundation;

/// <summary>
/// Independent evidence: openssl (not our code) checks the cardholder chain, the dual signature of a
/// real PReq (as detached CMS over the 64 dual-hash bytes), and opens the PI envelope (AuthEnvelopedData, AES-256-GCM)
/// with the gateway key, refusing it once a ciphertext bit is flipped.
/// </summary>
internal static class InteropChecks
{
    private static (int Code, string Out) OpenSsl(string dir, params string[] args)
    {
        var psi = new ProcessStartInfo("openssl") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("openssl did not start");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromSeconds(20))) { p.Kill(true); return (-1, "openssl timed out"); }
        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>One purchase; returns the world and the PReq the wallet sent.</summary>
    private static (PaymentWorld World, PReq PReq) Purchase(CheckContext ctx)
    {
        var world = new PaymentWorld(ctx.Seed);
        world.Network.RecordRequests = true;
        world.AddServerWallet("SW-1", "BrandA");
        var o = world.NewWum("SW-1").PayAsync(world.WakeUp("ORD-1", "BrandA")).GetAwaiter().GetResult();
        if (o is not Paid) throw new InvalidOperationException($"purchase failed: {o}");
        return (world, PReq.Decode(world.Network.Requests.Single(m => m.Kind == PReq.Kind).Body));
    }

    private static CheckOutcome InTemp(Func<string, CheckOutcome> body)
    {
        var dir = Directory.CreateTempSubdirectory("mw-interop-").FullName;
        try { return body(dir); }
        finally { Directory.Delete(dir, true); }
    }

    [Check("INTEROP-OPENSSL-CHAIN", Title = "openssl verify accepts the cardholder chain root → brand CA → cardholder CA → cardholder",
        Requirements = ["INV-DUAL-SIG"], Kind = CheckKind.Interop)]
    public static CheckOutcome Chain(CheckContext ctx) => InTemp(dir =>
    {
        var (world, preq) = Purchase(ctx);
        var chain = CertChain.FromDer(preq.CardholderChain);
        File.WriteAllText(Path.Combine(dir, "root.pem"), Pem.Certificate(world.Pki.Root));
        File.WriteAllText(Path.Combine(dir, "intermediates.pem"), Pem.Certificates(chain.Certs.Skip(1)));
        File.WriteAllText(Path.Combine(dir, "leaf.pem"), Pem.Certificate(chain.Leaf));
        var (code, output) = OpenSsl(dir, "verify", "-CAfile", "root.pem", "-untrusted", "intermediates.pem", "leaf.pem");
        ctx.Log(output);
        // Negative control: against another root the same chain must NOT verify.
        File.WriteAllText(Path.Combine(dir, "other.pem"), Pem.Certificate(CryptoWorld.For(ctx.Seed ^ 0x5A5A).Root));
        var (bad, _) = OpenSsl(dir, "verify", "-CAfile", "other.pem", "-untrusted", "intermediates.pem", "leaf.pem");
        return code == 0 && output.Contains("OK") && bad != 0
            ? CheckOutcome.Pass(output.Trim())
            : CheckOutcome.Fail($"openssl verify exit {code} (control {bad}): {output}");
    });

    [Check("INTEROP-OPENSSL-DUALSIG", Title = "openssl cms -verify accepts the PReq's dual signature over H(PIData) ‖ H(OIData), and rejects altered content",
        Requirements = ["INV-DUAL-SIG"], Kind = CheckKind.Interop)]
    public static CheckOutcome DualSig(CheckContext ctx) => InTemp(dir =>
    {
        var (world, preq) = Purchase(ctx);
        var pids = PIDualSigned.Decode(preq.PIDualSignedBytes);
        var data = DualSignature.DualHash(preq.HPIData, DualSignature.H(preq.OIDataBytes));
        File.WriteAllBytes(Path.Combine(dir, "sig.der"), DetachedSignature.ToCms(pids.DualSignature, CertChain.FromDer(preq.CardholderChain)));
        File.WriteAllBytes(Path.Combine(dir, "data.bin"), data);
        File.WriteAllText(Path.Combine(dir, "root.pem"), Pem.Certificate(world.Pki.Root));
        var (code, output) = OpenSsl(dir, "cms", "-verify", "-binary", "-inform", "DER", "-in", "sig.der", "-content", "data.bin", "-CAfile", "root.pem", "-out", "/dev/null");
        ctx.Log(output);
        data[0] ^= 1;
        File.WriteAllBytes(Path.Combine(dir, "bad.bin"), data);
        var (bad, _) = OpenSsl(dir, "cms", "-verify", "-binary", "-inform", "DER", "-in", "sig.der", "-content", "bad.bin", "-CAfile", "root.pem", "-out", "/dev/null");
        return code == 0 && bad != 0
            ? CheckOutcome.Pass(output.Trim())
            : CheckOutcome.Fail($"openssl cms -verify exit {code} (altered content exit {bad}): {output}");
    });

    [Check("INTEROP-OPENSSL-PI-ENVELOPE", Title = "openssl cms -decrypt opens the PI envelope (AES-256-GCM AuthEnvelopedData) with the gateway's key; the merchant's key cannot, nor a flipped ciphertext bit",
        Requirements = ["INV-CUSTODY", "INV-DUAL-SIG"], Kind = CheckKind.Interop)]
    public static CheckOutcome Envelope(CheckContext ctx) => InTemp(dir =>
    {
        var (world, preq) = Purchase(ctx);
        var pids = PIDualSigned.Decode(preq.PIDualSignedBytes);
        var gw = world.Pki.Gateway("BrandA").KeyExchange;
        var merchant = world.Pki.Merchant("BrandA").KeyExchange;
        File.WriteAllBytes(Path.Combine(dir, "env.der"), pids.PIEnvelope);
        File.WriteAllText(Path.Combine(dir, "cert.pem"), Pem.Certificate(gw.Chain.Leaf));
        File.WriteAllText(Path.Combine(dir, "key.pem"), Pem.PrivateKey(gw.Key));
        File.WriteAllText(Path.Combine(dir, "mcert.pem"), Pem.Certificate(merchant.Chain.Leaf));
        File.WriteAllText(Path.Combine(dir, "mkey.pem"), Pem.PrivateKey(merchant.Key));
        var (code, output) = OpenSsl(dir, "cms", "-decrypt", "-inform", "DER", "-in", "env.der", "-recip", "cert.pem", "-inkey", "key.pem", "-out", "pi.bin");
        if (code != 0) return CheckOutcome.Fail($"openssl cms -decrypt exit {code}: {output}");
        var pi = PIEnvelopeContent.Decode(File.ReadAllBytes(Path.Combine(dir, "pi.bin")));
        var pan = PanData.Decode(pi.PanDataBytes).Pan;
        if (pan != world.Pki.Cardholder("SW-1", "BrandA").Account.Pan) return CheckOutcome.Fail("decrypted PI carries another PAN");
        var hPI = DualSignature.H(new PIData(pi.PIHeadBytes, pi.PanDataBytes).Encode());
        if (!hPI.AsSpan().SequenceEqual(preq.HPIData)) return CheckOutcome.Fail("H(PIData) of the decrypted PI differs from the PReq's");
        var (bad, _) = OpenSsl(dir, "cms", "-decrypt", "-inform", "DER", "-in", "env.der", "-recip", "mcert.pem", "-inkey", "mkey.pem", "-out", "m.bin");
        if (bad == 0) return CheckOutcome.Fail("the merchant's key opened the PI envelope");
        var (_, printed) = OpenSsl(dir, "cms", "-cmsout", "-print", "-inform", "DER", "-in", "env.der");
        if (!printed.Contains("authEnvelopedData", StringComparison.Ordinal) || !printed.Contains("aes-256-gcm", StringComparison.OrdinalIgnoreCase))
            return CheckOutcome.Fail($"openssl does not read the PI envelope as AES-256-GCM AuthEnvelopedData: {printed[..Math.Min(400, printed.Length)]}");
        // Authenticated encryption: one flipped bit of the ciphertext and openssl refuses to open it (the tag fails).
        File.WriteAllBytes(Path.Combine(dir, "flipped.der"), MultiWallet.Impl.Network.BitFlip.Flip(pids.PIEnvelope, -40));
        var (flipped, _) = OpenSsl(dir, "cms", "-decrypt", "-inform", "DER", "-in", "flipped.der", "-recip", "cert.pem", "-inkey", "key.pem", "-out", "f.bin");
        return flipped != 0 ? CheckOutcome.Pass("AES-256-GCM AuthEnvelopedData decrypted by openssl with the gateway key; H(PIData) matches; merchant key refused; a flipped ciphertext bit refused")
            : CheckOutcome.Fail("openssl opened a PI envelope with a flipped ciphertext bit");
    });
}
