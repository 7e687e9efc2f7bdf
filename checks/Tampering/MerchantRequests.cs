using MultiWallet.Impl.Crypto;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Set;
using MultiWallet.Impl.World;

namespace MultiWallet.Checks.Tampering;

/// <summary>
/// Requests to the gateway built the way a merchant builds them, signed with whichever merchant credential a check names:
/// the world's merchant (honest), or another merchant holding a genuine certificate of the same Merchant CA (F5: it must not
/// be able to authorize, inquire about or reverse the world's merchant's orders). Sealed to the gateway's key-exchange
/// certificate, so only the gateway's checks decide.
/// </summary>
internal static class MerchantRequests
{
    /// <summary>
    /// An AuthReq for the purchase <paramref name="preq"/> of <paramref name="order"/> (XID <paramref name="xid"/>) naming the
    /// order's merchant in AuthReqData, signed by <paramref name="signer"/>.
    /// </summary>
    public static NetMessage AuthReq(PaymentWorld world, WakeUp order, byte[] xid, PReq preq, PartyCredential signer)
    {
        var oi = OIData.Decode(preq.OIDataBytes);
        var hod = DualSignature.Hod(oi.OdSalt, order.OrderDesc, order.Amount, order.Currency);
        var data = new AuthReqData(order.LidM, xid, order.Amount, order.Currency, order.MerchantId, order.Brand, DualSignature.H(preq.OIDataBytes), hod);
        var payload = new AuthReqPayload(data.Encode(), preq.PIDualSignedBytes, preq.CardholderChain, signer.KeyExchange.Chain.Der);
        return Sealed(world, AuthReqPayload.Kind, payload.Encode(), order.Brand, signer);
    }

    /// <summary>An authorization inquiry about <paramref name="order"/>'s XID naming the order's merchant, signed by <paramref name="signer"/>.</summary>
    public static NetMessage AuthInqReq(PaymentWorld world, WakeUp order, byte[] xid, PartyCredential signer) =>
        Sealed(world, Impl.Set.AuthInqReq.Kind, new AuthInqReq(order.LidM, xid, order.MerchantId, order.Brand, signer.KeyExchange.Chain.Der).Encode(), order.Brand, signer);

    /// <summary>A reversal of <paramref name="order"/>'s XID naming the order's merchant, signed by <paramref name="signer"/>.</summary>
    public static NetMessage AuthRevReq(PaymentWorld world, WakeUp order, byte[] xid, PartyCredential signer) =>
        Sealed(world, Impl.Set.AuthRevReq.Kind, new AuthRevReq(order.LidM, xid, order.MerchantId, order.Brand, order.Amount, signer.KeyExchange.Chain.Der).Encode(), order.Brand, signer);

    private static NetMessage Sealed(PaymentWorld world, string kind, byte[] content, string brand, PartyCredential signer)
    {
        var signed = SignedMessage.Sign(kind, content, signer.Signing).Encode();
        var env = Envelope.Seal(signed, world.Pki.Gateway(brand).KeyExchange.Chain.Leaf, world.Random($"forged/{kind}"));
        return new NetMessage(Address.Merchant, Address.Gateway, kind, env);
    }
}
