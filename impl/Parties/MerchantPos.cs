using MultiWallet.Impl.Codec;
using MultiWallet.Impl.Crypto;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Set;
using Org.BouncyCastle.Security;

namespace MultiWallet.Impl.Parties;

/// <summary>
/// The merchant POS. Offers orders (produces wake-ups), answers PInitReq with a signed PInitRes carrying
/// a fresh XID and Chall-M, and on PReq checks everything it can see (cardholder chain and brand, the dual
/// signature from OIData and H(PIData), challenges, XID, LID-M, HOD/amount) before asking the gateway to
/// authorize. It never holds the PAN: the PI stays an envelope for the gateway.
/// A bad message gets a typed Error reply and changes nothing; a second PInitReq for an initiated order and
/// a replayed PReq are refused (Replay).
/// </summary>
public sealed class MerchantPos
{
    private readonly INetwork net;
    private readonly BrandCredentials own;
    private readonly BrandChains gatewayKeyExchange;
    private readonly IClock clock;
    private readonly SecureRandom rng;
    private readonly ChainValidator validator;
    private readonly Dictionary<string, MerchantOrder> orders = new(StringComparer.Ordinal);
    private readonly List<NetMessage> received = [];
    private readonly Lock gate = new();

    /// <summary>
    /// A merchant listening at <paramref name="at"/> (default <see cref="Address.Merchant"/>) with its own
    /// credentials, the gateway's public key-exchange chains, a validator trusting the root on its clock,
    /// the clock that dates PInitRes, and its own random stream (XID, Chall-M, envelopes).
    /// </summary>
    public MerchantPos(string merchantId, INetwork net, BrandCredentials own, BrandChains gatewayKeyExchange, ChainValidator validator, IClock clock, SecureRandom rng, Address? at = null, Address? gateway = null)
    {
        MerchantId = merchantId;
        this.net = net; this.own = own; this.gatewayKeyExchange = gatewayKeyExchange; this.validator = validator; this.clock = clock; this.rng = rng;
        At = at ?? Address.Merchant;
        GatewayAddress = gateway ?? Address.Gateway;
        net.Listen(At, HandleAsync);
    }

    /// <summary>The merchant id that names this merchant's orders.</summary>
    public string MerchantId { get; }
    /// <summary>Where the merchant listens.</summary>
    public Address At { get; }
    /// <summary>Where the merchant reaches the gateway.</summary>
    public Address GatewayAddress { get; }

    /// <summary>Every message the merchant received (requests and the gateway's responses), for custody checks.</summary>
    public IReadOnlyList<NetMessage> Received { get { lock (gate) return [.. received]; } }

    /// <summary>The order table by LID-M, a copy.</summary>
    public IReadOnlyDictionary<string, MerchantOrder> Orders { get { lock (gate) return new Dictionary<string, MerchantOrder>(orders); } }

    /// <summary>Stable text of the order table, for "no state change" assertions.</summary>
    public string OrdersSnapshot() { lock (gate) return string.Join('\n', orders.Values.OrderBy(o => o.Offer.LidM, StringComparer.Ordinal)); }

    /// <summary>Offers an order and returns the wake-up bytes the merchant sends to the user PC.</summary>
    public byte[] Offer(string lidM, string description, long amount, string currency, string brand)
    {
        var w = new WakeUp(MerchantId, lidM, description, amount, currency, brand);
        lock (gate)
        {
            if (orders.ContainsKey(lidM)) throw new InvalidOperationException($"order {lidM} already offered");
            orders[lidM] = new MerchantOrder(w, OrderState.Offered);
        }
        return w.Encode();
    }

    private async Task<NetMessage> HandleAsync(NetMessage m, CancellationToken ct)
    {
        lock (gate) received.Add(m);
        try
        {
            return m.Kind switch
            {
                PInitReq.Kind => OnPInitReq(m),
                PReq.Kind => await OnPReqAsync(m, ct).ConfigureAwait(false),
                _ => throw new SetException(SetErrorCode.Malformed, $"unexpected {m.Kind} at merchant"),
            };
        }
        catch (SetException ex)
        {
            var error = ex.Error.At("merchant");
            net.Trace.Decide("merchant", TraceDecisions.Reject, new Dictionary<string, string> { ["kind"] = m.Kind, ["code"] = error.Code.ToString() }, error.Cause);
            return m.Reply(ErrorMessage.Kind, ErrorMessage.Encode(error), new Dictionary<string, string> { ["code"] = error.Code.ToString() });
        }
    }

    private NetMessage OnPInitReq(NetMessage m)
    {
        var req = PInitReq.Decode(m.Body);
        MerchantOrder next;
        lock (gate)
        {
            if (req.MerchantId != MerchantId || !orders.TryGetValue(req.LidM, out var order))
                throw new SetException(SetErrorCode.UnknownOrder, $"order {req.MerchantId}/{req.LidM} unknown at merchant");
            if (order.State != OrderState.Offered)
                throw new SetException(SetErrorCode.Replay, $"order {req.LidM} already initiated at merchant");
            if (req.Brand != order.Offer.Brand)
                throw new SetException(SetErrorCode.WrongBrand, $"PInitReq brand {req.Brand} is not the order's {order.Offer.Brand} at merchant");
            next = order with { State = OrderState.Initiated, LidC = req.LidC, Xid = rng.Bytes(20), ChallC = req.ChallC, ChallM = rng.Bytes(20), Rrpid = req.Rrpid };
            orders[req.LidM] = next;
        }
        var gw = gatewayKeyExchange.For(next.Offer.Brand);
        var res = new PInitRes(req.LidC, req.LidM, next.Xid!, clock.UtcNow.ToString("O"), req.Rrpid, req.ChallC, next.ChallM!, gw.LeafThumbprint, gw.Der);
        var signed = SignedMessage.Sign(PInitRes.Kind, res.Encode(), own.For(next.Offer.Brand).Signing);
        return m.Reply(PInitRes.Kind, signed.Encode(), Fields(next));
    }

    private static Dictionary<string, string> Fields(MerchantOrder o) => new()
    {
        ["lid-m"] = o.Offer.LidM,
        ["brand"] = o.Offer.Brand,
        ["amount"] = $"{o.Offer.Amount} {o.Offer.Currency}",
        ["xid"] = o.Xid is null ? "-" : Convert.ToHexStringLower(o.Xid)[..8],
    };

    private async Task<NetMessage> OnPReqAsync(NetMessage m, CancellationToken ct)
    {
        var req = PReq.Decode(m.Body);
        var oi = OIData.Decode(req.OIDataBytes);
        var pids = PIDualSigned.Decode(req.PIDualSignedBytes);
        MerchantOrder order;
        lock (gate)
        {
            if (!orders.TryGetValue(oi.LidM, out var o)) throw new SetException(SetErrorCode.UnknownOrder, $"order {oi.LidM} unknown at merchant");
            if (o.State is OrderState.Authorizing or OrderState.Paid or OrderState.Declined)
                throw new SetException(SetErrorCode.Replay, $"PReq replayed for order {oi.LidM} at merchant");
            if (o.State != OrderState.Initiated) throw new SetException(SetErrorCode.UnknownOrder, $"order {oi.LidM} not initiated at merchant");
            order = o;
        }
        var w = order.Offer;
        var chain = CertChain.Parse(req.CardholderChain, "cardholder", "merchant");
        var cardholder = validator.Validate(chain, CertRole.Cardholder, w.Brand, "cardholder");
        var hOI = DualSignature.H(req.OIDataBytes);
        if (!DualSignature.Verify(cardholder, req.HPIData, hOI, pids.DualSignature))
            throw new SetException(SetErrorCode.BadSignature, "dual signature invalid at merchant");
        if (!oi.Xid.AsSpan().SequenceEqual(order.Xid) || !oi.ChallC.AsSpan().SequenceEqual(order.ChallC) || !oi.ChallM.AsSpan().SequenceEqual(order.ChallM))
            throw new SetException(SetErrorCode.Mismatch, "XID or challenges in OIData differ from PInitRes at merchant");
        if (oi.Brand != w.Brand) throw new SetException(SetErrorCode.WrongBrand, $"OIData brand {oi.Brand} is not {w.Brand} at merchant");
        var hod = DualSignature.Hod(oi.OdSalt, w.OrderDesc, w.Amount, w.Currency);
        if (!hod.AsSpan().SequenceEqual(oi.Hod)) throw new SetException(SetErrorCode.Mismatch, "HOD does not match the order at merchant");

        lock (gate)
        {
            if (orders[oi.LidM].State != OrderState.Initiated) throw new SetException(SetErrorCode.Replay, $"PReq replayed for order {oi.LidM} at merchant");
            orders[oi.LidM] = order with { State = OrderState.Authorizing };
        }
        net.Trace.Decide("merchant", TraceDecisions.PReqVerified, new Dictionary<string, string> { ["lid-m"] = w.LidM, ["brand"] = w.Brand }, "chain, dual signature, challenges, HOD");
        AuthRes res;
        try
        {
            res = await AuthorizeAsync(order, req, hOI, hod, ct).ConfigureAwait(false);
        }
        catch
        {
            lock (gate) orders[oi.LidM] = order; // no state change on any failure: the order is Initiated again
            throw;
        }
        var done = order with { State = res.Approved ? OrderState.Paid : OrderState.Declined, AuthCode = res.AuthCode };
        lock (gate) orders[oi.LidM] = done;
        var pres = new PRes(order.LidC!, w.LidM, order.Xid!, req.Rrpid, order.ChallC!, res.Approved, res.AuthCode);
        var signed = SignedMessage.Sign(PRes.Kind, pres.Encode(), own.For(w.Brand).Signing);
        return m.Reply(PRes.Kind, signed.Encode(), Fields(done));
    }

    private async Task<AuthRes> AuthorizeAsync(MerchantOrder order, PReq req, byte[] hOI, byte[] hod, CancellationToken ct)
    {
        var w = order.Offer;
        var mine = own.For(w.Brand);
        var data = new AuthReqData(w.LidM, order.Xid!, w.Amount, w.Currency, MerchantId, w.Brand, hOI, hod);
        var payload = new AuthReqPayload(data.Encode(), req.PIDualSignedBytes, req.CardholderChain, mine.KeyExchange.Chain.Der);
        var signed = SignedMessage.Sign(AuthReqPayload.Kind, payload.Encode(), mine.Signing);
        var env = Envelope.Seal(signed.Encode(), gatewayKeyExchange.For(w.Brand).Leaf, rng);
        NetMessage reply;
        try
        {
            reply = await net.SendAsync(new NetMessage(At, GatewayAddress, AuthReqPayload.Kind, env, Fields(order)), ct).ConfigureAwait(false);
        }
        catch (NetworkException e)
        {
            throw new SetException(SetErrorCode.Malformed, $"gateway {e.Failure} at merchant");
        }
        lock (gate) received.Add(reply);
        if (reply.Kind == ErrorMessage.Kind) { var err = ErrorMessage.Decode(reply.Body); throw new SetException(err.Code, err.Cause); }
        if (reply.Kind != AuthRes.Kind) throw new SetException(SetErrorCode.Malformed, $"unexpected {reply.Kind} from gateway at merchant");
        var inner = SignedMessage.Decode(Envelope.Open(reply.Body, mine.KeyExchange, "merchant"), AuthRes.Kind);
        inner.Verify(validator, CertRole.GatewaySignature, w.Brand, "gateway");
        var res = AuthRes.Decode(inner.Content);
        if (!res.Xid.AsSpan().SequenceEqual(order.Xid) || res.LidM != w.LidM || res.Amount != w.Amount)
            throw new SetException(SetErrorCode.Mismatch, "AuthRes does not match the AuthReq at merchant");
        return res;
    }
}
