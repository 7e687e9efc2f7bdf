using MultiWallet.Impl.Crypto;
using MultiWallet.Impl.World;

namespace MultiWallet.Checks.Contract;

/// <summary>
/// The recipients' side of a world's envelopes, so the contract check can read what an envelope carries: the gateway's and
/// every merchant's key-exchange keys of every brand and, for E8, the master's. The check holds them as an auditor of the
/// whole world does; no party of the world holds another's.
/// </summary>
internal static class EnvelopeKeys
{
    /// <summary>Opens an envelope of <paramref name="world"/> addressed to any of its recipients (<paramref name="masters"/>: E8 masters by name).</summary>
    public static Func<byte[], byte[]> Of(PaymentWorld world, IEnumerable<string> masters)
    {
        var keys = Brands.All.SelectMany(b => world.Merchants.Keys.Select(m => world.Pki.Merchant(b.Name, m).KeyExchange).Prepend(world.Pki.Gateway(b.Name).KeyExchange))
            .Concat(masters.Select(n => world.Pki.ServerWallet(n).KeyExchange)).ToList();
        return cms => Envelope.Open(cms, keys, "contract check");
    }
}
