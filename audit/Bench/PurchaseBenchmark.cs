using System.Diagnostics;
using MultiWallet.Impl.Crypto;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.World;

namespace MultiWallet.Audit.Bench;

/// <summary>
/// Sequential purchases over the in-memory network (one WUM, one SW, merchant, gateway), and in the same
/// run the unit cost of every crypto primitive a purchase uses times how often it uses it (the crypto floor).
/// Counts per purchase: signatures 5 (PInitRes, dual, AuthReq, AuthRes, PRes); verifications 6 (PInitRes,
/// dual at merchant, AuthRes, PRes, AuthReq, dual at gateway); envelopes sealed 3 (PI, AuthReq, AuthRes) and
/// opened 3. Chain validations are cached by thumbprint after the first purchase, so they are reported but
/// count 0 in the floor. BouncyCastle verify/open are measured for comparison (count 0: not used).
/// </summary>
public static class PurchaseBenchmark
{
    /// <summary>Times sequential purchases for <paramref name="budget"/>, then measures each primitive.</summary>
    public static BenchResult Run(TimeSpan budget, int seed = 20000203)
    {
        var world = new PaymentWorld(seed);
        world.AddServerWallet("SW-1", "BrandA");
        var wum = world.NewWum("SW-1");
        var n = 0;
        PaymentOutcome Pay() => wum.PayAsync(world.WakeUp($"B-{n++}", "BrandA")).GetAwaiter().GetResult();
        for (var i = 0; i < 20; i++) if (Pay() is not Paid) throw new InvalidOperationException("warm-up purchase failed");

        var sw = Stopwatch.StartNew();
        var count = 0;
        while (sw.Elapsed < budget / 2 || count < 10)
        {
            if (Pay() is not Paid p) throw new InvalidOperationException("benchmark purchase failed");
            count++;
        }
        sw.Stop();
        var msPer = sw.Elapsed.TotalMilliseconds / count;

        var ops = MeasureOps(world, budget / 2 / 8);
        var floor = ops.Sum(o => o.FloorMs);
        return new BenchResult(count, sw.Elapsed.TotalSeconds, count / sw.Elapsed.TotalSeconds, msPer, ops, floor);
    }

    private static double Time(TimeSpan budget, Action op)
    {
        for (var i = 0; i < 5; i++) op();
        var sw = Stopwatch.StartNew();
        var k = 0;
        do { op(); k++; } while (sw.Elapsed < budget || k < 10);
        return sw.Elapsed.TotalMilliseconds / k;
    }

    private static IReadOnlyList<OpCost> MeasureOps(PaymentWorld world, TimeSpan each)
    {
        var pki = world.Pki;
        var card = pki.Cardholder("SW-1", "BrandA");
        var gw = pki.Gateway("BrandA").KeyExchange;
        var data = new byte[64];
        var sig = EcSignature.Sign(card.Signing.Key, data);
        var validator = world.Validator("bench");
        var v = validator.Validate(card.Signing.Chain, CertRole.Cardholder, "BrandA", "bench");
        var pub = (Org.BouncyCastle.Crypto.Parameters.ECPublicKeyParameters)card.Signing.Chain.Leaf.GetPublicKey();
        var rng = SeededRandom.For(1, "bench");
        var content = new byte[900]; // about the size of a PI envelope's plaintext
        var env = Envelope.Seal(content, gw.Chain.Leaf, rng);
        return
        [
            new("ECDSA P-256 sign (BouncyCastle, RFC 6979)", Time(each, () => EcSignature.Sign(card.Signing.Key, data)), 5),
            new("ECDSA P-256 verify (.NET, cached key)", Time(each, () => v.VerifySignature(data, sig)), 6),
            new("ECDSA P-256 verify (BouncyCastle) [not used]", Time(each, () => EcSignature.VerifyBc(pub, data, sig)), 0),
            new("CMS AuthEnvelopedData seal RSA-OAEP (BouncyCastle) + AES-256-GCM (.NET)", Time(each, () => Envelope.Seal(content, gw.Chain.Leaf, rng)), 3),
            new("CMS AuthEnvelopedData open RSA-OAEP + AES-256-GCM (.NET)", Time(each, () => Envelope.Open(env, gw, "bench")), 3),
            new("CMS AuthEnvelopedData open RSA-OAEP + AES-256-GCM (BouncyCastle) [not used]", Time(each, () => Envelope.OpenBc(env, gw)), 0),
            new("chain validation, uncached (3 certs) [cached]", Time(each, () => new ChainValidator(pki.Root, world.Clock, "b", shareProofs: false).Validate(card.Signing.Chain, CertRole.Cardholder, "BrandA", "b")), 0),
        ];
    }
}
