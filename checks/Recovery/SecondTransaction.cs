using MultiWallet.Impl.Crypto;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.Server;
using MultiWallet.Impl.Set;
using MultiWallet.Impl.World;

namespace MultiWallet.Checks.Recovery;

/// <summary>
/// Builds a second, fully valid AuthReq for an XID the gateway already answered: a fresh cardholder purchase
/// (other ODSalt, so other HOD and hashes) signed by the same cardholder for the same XID, wrapped by the
/// merchant's own keys exactly as the merchant would. Only the gateway's per-XID record can refuse it.
/// </summary>
internal static class SecondTransaction
{
    public static NetMessage AuthReqFor(PaymentWorld world, string wallet, string brand, byte[] wakeUp, byte[] xid)
    {
        var w = WakeUp.Decode(wakeUp);
        var merchant = new BrandCredentials(world.Pki.Merchant).For(brand);
        var gateway = new BrandCredentials(world.Pki.Gateway).KeyExchangeChains.For(brand);
        var purchase = new CardholderPurchase(world.Pki.Cardholder(wallet, brand), world.Validator("second"), world.Random("second/" + wallet), new TraceLog(), "second");
        var init = PInitReq.Decode(((SendToMerchant)purchase.Start(w)).Body);
        var initRes = new PInitRes(init.LidC, init.LidM, xid, world.Clock.UtcNow.ToString("O"), init.Rrpid, init.ChallC, world.Random("second/challm").Bytes(20), gateway.LeafThumbprint, gateway.Der);
        var step = purchase.Deliver(PInitRes.Kind, SignedMessage.Sign(PInitRes.Kind, initRes.Encode(), merchant.Signing).Encode());
        var preq = PReq.Decode(((SendToMerchant)step).Body);
        var oi = OIData.Decode(preq.OIDataBytes);
        var hod = DualSignature.Hod(oi.OdSalt, w.OrderDesc, w.Amount, w.Currency);
        var data = new AuthReqData(w.LidM, xid, w.Amount, w.Currency, w.MerchantId, brand, DualSignature.H(preq.OIDataBytes), hod);
        var payload = new AuthReqPayload(data.Encode(), preq.PIDualSignedBytes, preq.CardholderChain, merchant.KeyExchange.Chain.Der);
        var signed = SignedMessage.Sign(AuthReqPayload.Kind, payload.Encode(), merchant.Signing);
        return new NetMessage(Address.Merchant, Address.Gateway, AuthReqPayload.Kind, Envelope.Seal(signed.Encode(), gateway.Leaf, world.Random("second/env")));
    }
}
