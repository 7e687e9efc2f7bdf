using MultiWallet.Impl.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using Xunit;

namespace MultiWallet.Tests.Crypto;

/// <summary>
/// A meter counts the operations of its own logical flow and the tasks it starts, never those of unrelated work running
/// in the same process at the same time (xunit runs test classes in parallel, and `bench` may share a process).
/// </summary>
public sealed class CryptoMeterTests
{
    private static readonly ECPrivateKeyParameters Key =
        (ECPrivateKeyParameters)CertificateIssuer.NewEcKey(new SecureRandom(new Org.BouncyCastle.Crypto.Prng.DigestRandomGenerator(new Org.BouncyCastle.Crypto.Digests.Sha256Digest()))).Private;

    [Fact]
    public async Task A_meter_counts_its_flow_and_its_tasks_but_not_concurrent_unrelated_work()
    {
        using var gate = new SemaphoreSlim(0);
        // Started before the meter opens: unrelated work that signs while the meter is open.
        var unrelated = Task.Run(async () => { await gate.WaitAsync(); EcSignature.Sign(Key, [1, 2, 3]); });
        var before = CryptoCounters.Snapshot();
        var meter = CryptoCounters.Measure();
        EcSignature.Sign(Key, [4]);
        await Task.Run(() => EcSignature.Sign(Key, [5])); // a task the flow starts is the flow's work
        Parallel.For(0, 2, i => EcSignature.Sign(Key, [(byte)i]));
        gate.Release();
        await unrelated;
        meter.Dispose();
        Assert.Equal(4, meter.Counts.Signs);
        Assert.True((CryptoCounters.Snapshot() - before).Signs >= 5, "the process-wide totals count everything");
        // Closed: a sign after the meter is disposed is no longer its work.
        EcSignature.Sign(Key, [6]);
        Assert.Equal(4, meter.Counts.Signs);
    }
}
