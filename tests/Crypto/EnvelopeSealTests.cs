using MultiWallet.Impl.Crypto;
using Xunit;

namespace MultiWallet.Tests.Crypto;

/// <summary>
/// Sealing pads RSA-OAEP itself and hands only the raw public operation to OpenSSL: for the same seeded stream it must
/// write exactly the bytes BouncyCastle's OAEP wrote (so traces stay byte-identical per seed), and the envelope must open.
/// </summary>
public sealed class EnvelopeSealTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(20000203, 200)]
    [InlineData(7, 4096)]
    public void Seal_is_byte_identical_to_BouncyCastle_for_the_same_seeded_stream_and_opens(int seed, int length)
    {
        var gateway = CryptoWorld.For(seed).Gateway("BrandA");
        var content = new byte[length];
        SeededRandom.For(seed, "content").NextBytes(content);

        var ours = Envelope.Seal(content, gateway.KeyExchange.Chain.Leaf, SeededRandom.For(seed, "sealer"));
        var bc = Envelope.SealBc(content, gateway.KeyExchange.Chain.Leaf, SeededRandom.For(seed, "sealer"));

        Assert.Equal(Convert.ToHexString(bc), Convert.ToHexString(ours));
        Assert.Equal(content, Envelope.Open(ours, gateway.KeyExchange, "test"));
    }

    [Fact]
    public void Different_streams_give_different_envelopes()
    {
        var gateway = CryptoWorld.For(3).Gateway("BrandA");
        var a = Envelope.Seal([1, 2, 3], gateway.KeyExchange.Chain.Leaf, SeededRandom.For(3, "a"));
        var b = Envelope.Seal([1, 2, 3], gateway.KeyExchange.Chain.Leaf, SeededRandom.For(3, "b"));
        Assert.NotEqual(a, b);
    }
}
