using MultiWallet.Impl.Codec;
using MultiWallet.Impl.Crypto;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Set;
using Org.BouncyCastle.Security;

namespace MultiWallet.Checks.Attacks;

/// <summary>
/// What a position holding the merchant's keys (MERCHANT) can build: it knows the plaintext of every request it sealed to
/// the gateway (it built it; the harness reads it back with the gateway's key, and only that outer layer: the PI inside
/// stays sealed to the gateway), so it can edit that plaintext, sign it again with its own signature key and seal it again
/// to the gateway's public key-exchange certificate; and it can sign replies of its own, such as a PInitRes naming its own
/// key-exchange certificate where the gateway's should be.
/// </summary>
/// <param name="pki">The world's PKI (the merchant's keys; the gateway's public certificates).</param>
/// <param name="seed">The run's seed (the attacker's envelopes draw from their own stream, so a run replays).</param>
/// <param name="merchantId">The merchant whose keys the position holds (<see cref="Positions.Merchant"/>).</param>
public sealed class MerchantForgery(CryptoWorld pki, int seed, string merchantId = CryptoWorld.DefaultMerchantId)
{
    private static readonly string[] Sealed = [AuthReqPayload.Kind, AuthInqReq.Kind, AuthRevReq.Kind];
    private readonly SecureRandom rng = SeededRandom.For(seed, "attacker/merchant");
    private readonly Lock gate = new();

    /// <summary>The plaintext (the signed content) and brand of a request the merchant sealed to the gateway; null for anything else.</summary>
    public (byte[] Content, string Brand)? Own(NetMessage m)
    {
        if (!Sealed.Contains(m.Kind)) return null;
        foreach (var b in Brands.All)
        {
            try { return (SignedMessage.Decode(Envelope.Open(m.Body, pki.Gateway(b.Name).KeyExchange, "attacker"), m.Kind).Content, b.Name); }
            catch (SetException) { }
        }
        return null;
    }

    /// <summary><paramref name="content"/> signed with the merchant's key of its brand (when it names one, else <paramref name="brand"/>) and sealed to that brand's gateway.</summary>
    public byte[] Reseal(string kind, byte[] content, string brand)
    {
        if (kind == AuthReqPayload.Kind)
        {
            try { brand = AuthReqData.Decode(AuthReqPayload.Decode(content).AuthReqDataBytes).Brand; }
            catch (SetException) { }
        }
        if (!Brands.IsKnown(brand)) brand = Brands.All[0].Name;
        var signed = SignedMessage.Sign(kind, content, pki.Merchant(brand, merchantId).Signing).Encode();
        lock (gate) return Envelope.Seal(signed, pki.Gateway(brand).KeyExchange.Chain.Leaf, rng);
    }

    /// <summary>The merchant's PInitRes with its own key-exchange certificate where the gateway's is, signed again; null when it is not one.</summary>
    public byte[]? OwnKeyInPInitRes(byte[] body)
    {
        try
        {
            var res = PInitRes.Decode(SignedMessage.Decode(body, PInitRes.Kind).Content);
            var brand = Brands.All.Select(b => b.Name).FirstOrDefault(b => pki.Gateway(b).KeyExchange.Chain.LeafThumbprint == res.GatewayThumbprint) ?? Brands.All[0].Name;
            var mine = pki.Merchant(brand, merchantId);
            var forged = res with { GatewayThumbprint = mine.KeyExchange.Chain.LeafThumbprint, GatewayChain = mine.KeyExchange.Chain.Der };
            return SignedMessage.Sign(PInitRes.Kind, forged.Encode(), mine.Signing).Encode();
        }
        catch (SetException) { return null; }
    }
}
