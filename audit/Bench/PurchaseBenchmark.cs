using MultiWallet.Impl.Crypto;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.World;

namespace MultiWallet.Audit.Bench;

/// <summary>
/// Sequential purchases over the in-memory network (one WUM, one SW, merchant, gateway) and the unit cost of every
/// crypto primitive a purchase uses, all in CPU time of the measuring thread, over interleaved rounds: each round
/// measures the purchases and every primitive once, starting one item later than the round before, so a burst of
/// load or a cold cache hits a different item each round; the result is each item's median and range. How often a
/// purchase performs each primitive is counted (<see cref="CryptoCounters"/>), not assumed. Chain validations are
/// cached by thumbprint after the first purchase, so they are reported but count 0 in the floor; the BouncyCastle
/// paths are measured for comparison (count 0: not used).
/// </summary>
public sealed class PurchaseBenchmark
{
    private readonly PaymentWorld world;
    private readonly Func<PaymentOutcome> pay;
    private readonly int purchasesPerRound;
    private readonly List<(string Name, Func<CryptoCounts, long>? Counter, Action Op, int Calls, List<double> Samples)> ops;
    private readonly List<double> purchaseSamples = [];
    private CryptoCounts counted;
    private int purchases, rounds;

    /// <summary>
    /// A benchmark world for <paramref name="seed"/>, warmed up; each round gives the purchases and each primitive about
    /// <paramref name="cpuMsPerItem"/> CPU milliseconds (call counts fixed once, from a calibration after the warm-up).
    /// </summary>
    public PurchaseBenchmark(int seed, double cpuMsPerItem)
    {
        world = new PaymentWorld(seed);
        world.AddServerWallet("SW-1", "BrandA");
        var wum = world.NewWum("SW-1");
        var n = 0;
        pay = () => wum.PayAsync(world.WakeUp($"B-{n++}", "BrandA")).GetAwaiter().GetResult();
        for (var i = 0; i < 20; i++) if (pay() is not Paid) throw new InvalidOperationException("warm-up purchase failed");

        var pki = world.Pki;
        var card = pki.Cardholder("SW-1", "BrandA");
        var gw = pki.Gateway("BrandA").KeyExchange;
        var data = new byte[64];
        var sig = EcSignature.Sign(card.Signing.Key, data);
        var v = world.Validator("bench").Validate(card.Signing.Chain, CertRole.Cardholder, "BrandA", "bench");
        var pub = (Org.BouncyCastle.Crypto.Parameters.ECPublicKeyParameters)card.Signing.Chain.Leaf.GetPublicKey();
        var rng = SeededRandom.For(1, "bench");
        var content = new byte[900]; // about the size of a PI envelope's plaintext
        var env = Envelope.Seal(content, gw.Chain.Leaf, rng);
        (string, Func<CryptoCounts, long>?, Action)[] primitives =
        [
            ("ECDSA P-256 sign (BouncyCastle, RFC 6979)", c => c.Signs, () => EcSignature.Sign(card.Signing.Key, data)),
            ("ECDSA P-256 verify (.NET, cached key)", c => c.Verifies, () => v.VerifySignature(data, sig)),
            ("ECDSA P-256 verify (BouncyCastle) [not used]", null, () => EcSignature.VerifyBc(pub, data, sig)),
            ("CMS AuthEnvelopedData seal: OAEP ours, RSA OpenSSL, AES-256-GCM .NET", c => c.Seals, () => Envelope.Seal(content, gw.Chain.Leaf, rng)),
            ("CMS AuthEnvelopedData seal: RSA-OAEP BouncyCastle [not used]", null, () => Envelope.SealBc(content, gw.Chain.Leaf, rng)),
            ("CMS AuthEnvelopedData open RSA-OAEP + AES-256-GCM (.NET)", c => c.Opens, () => Envelope.Open(env, gw, "bench")),
            ("CMS AuthEnvelopedData open (BouncyCastle) [not used]", null, () => Envelope.OpenBc(env, gw)),
            ("chain validation, uncached (3 certs) [cached]", null, () => new ChainValidator(pki.Root, world.Clock, "b", shareProofs: false).Validate(card.Signing.Chain, CertRole.Cardholder, "BrandA", "b")),
        ];
        int Calls(Action op) => (int)Math.Clamp(cpuMsPerItem / Math.Max(ThreadCpu.PerCall(5, op), 1e-3), 5, 100_000);
        ops = [.. primitives.Select(p => (p.Item1, p.Item2, p.Item3, Calls(p.Item3), new List<double>()))];
        purchasesPerRound = Calls(() => pay());
    }

    /// <summary>
    /// The crypto floor of work that performed <paramref name="counts"/>, in CPU seconds: each counted primitive at the
    /// cost the latest round measured for it (so a campaign measured right after a round is priced in the same conditions).
    /// </summary>
    public double LatestFloorSeconds(CryptoCounts counts) =>
        ops.Where(o => o.Counter is not null).Sum(o => o.Counter!(counts) * o.Samples[^1]) / 1000;

    /// <summary>Measures one round: the purchases and every primitive, in an order rotated by the round number.</summary>
    public void MeasureRound()
    {
        var items = ops.Count + 1;
        for (var k = 0; k < items; k++)
        {
            var item = (k + rounds) % items;
            if (item == ops.Count) MeasurePurchases();
            else ops[item].Samples.Add(ThreadCpu.PerCall(ops[item].Calls, ops[item].Op));
        }
        rounds++;
    }

    private void MeasurePurchases()
    {
        using var meter = CryptoCounters.Measure();
        purchaseSamples.Add(ThreadCpu.PerCall(purchasesPerRound, () =>
        {
            if (pay() is not Paid) throw new InvalidOperationException("benchmark purchase failed");
        }));
        counted = Add(counted, meter.Counts);
        purchases += purchasesPerRound;
    }

    private static CryptoCounts Add(CryptoCounts a, CryptoCounts b) =>
        new(a.Signs + b.Signs, a.Verifies + b.Verifies, a.Seals + b.Seals, a.Opens + b.Opens, a.CertParses + b.CertParses, a.Thumbprints + b.Thumbprints);

    /// <summary>The rounds measured so far.</summary>
    public BenchResult Result() => new(rounds, purchases, Spread.Of(purchaseSamples),
        [.. ops.Select(o => new OpCost(o.Name, Spread.Of(o.Samples), o.Counter is null || purchases == 0 ? 0 : (double)o.Counter(counted) / purchases))],
        ThreadCpu.PerThread);
}
