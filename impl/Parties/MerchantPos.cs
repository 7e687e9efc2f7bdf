using MultiWallet.Impl.Codec;
using MultiWallet.Impl.Crypto;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Set;
using Org.BouncyCastle.Security;

namespace MultiWallet.Impl.Parties;

/// <summary>
/// The merchant POS. Offers orders (produces wake-ups), answers PInitReq with a signed PInitRes carrying
/// a fresh XID and Chall-M, and on PReq checks everything it can see (cardholder chain and brand, the dual
/// signature from OIData and H(PIData), RRPID, challenges, XID, LID-M, HOD/amount) before asking the gateway to
/// authorize. It never holds the PAN: the PI stays an envelope for the gateway.
/// A bad message gets a typed Error reply and changes nothing (and is not kept); a failure of the PReq's chain, dual
/// signature or signed fields is answered with the one <see cref="UniformFailure.Answer"/> (the cause goes to the trace
/// only); a second PInitReq for an initiated order and a replayed PReq are refused (Replay).
/// Under faults it never re-opens an order the gateway may have authorized: a lost AuthReq or AuthRes makes
/// the order AuthorizationUnknown and the PRes says OrderReceived; the wallet's InqReq then makes the merchant
/// ask the gateway (AuthInqReq) and answer with the gateway's record; when the gateway cannot be asked, the
/// purchase is abandoned and reversed (AuthRevReq). A definitive gateway rejection (a typed Error) closes the order
/// (Cancelled) the same way whatever its cause, and the PReq gets the uniform answer: a failure an attacker can cause
/// never re-opens an order.
/// Orders expire on the merchant's clock (<see cref="IOrderLifetimes"/>): a pending one after 15 minutes, a settled one
/// after 24 hours; one whose authorization may stand never, until it is resolved. Expired orders are swept when a new
/// order is offered (the only way the table grows) and by <see cref="SweepExpired"/>; a request for an order past its
/// lifetime is refused UnknownOrder naming the expiry and drops it.
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
    private readonly IMessageJournal received;
    private readonly IOrderResolution resolution;
    private readonly IOrderLifetimes lifetimes;
    private readonly IFailureAnswer failureAnswer;
    private readonly IdenticalInFlight preqs;
    private readonly Lock gate = new();
    private DateTime nextExpiry = DateTime.MaxValue;

    /// <summary>
    /// A merchant listening at <paramref name="at"/> (default <see cref="Address.Merchant"/>) with its own
    /// credentials, the gateway's public key-exchange chains, a validator trusting the root on its clock,
    /// the clock that dates PInitRes, and its own random stream (XID, Chall-M, envelopes).
    /// <paramref name="persisted"/> is the order table a restarted merchant reads back (an order caught Authorizing, its
    /// AuthReq lost with the crashed process, comes back AuthorizationUnknown); <paramref name="resolution"/> and
    /// <paramref name="journal"/> default to the faithful <see cref="OrderResolution.Faithful"/> and <see cref="MessageWindow"/>,
    /// <paramref name="lifetimes"/> to <see cref="OrderLifetimes.Faithful"/>, <paramref name="failureAnswer"/> (what a refused sender is told)
    /// to <see cref="UniformAnswer.Faithful"/>.
    /// </summary>
    public MerchantPos(string merchantId, INetwork net, BrandCredentials own, BrandChains gatewayKeyExchange, ChainValidator validator, IClock clock, SecureRandom rng, Address? at = null, Address? gateway = null,
        IEnumerable<MerchantOrder>? persisted = null, IOrderResolution? resolution = null, IMessageJournal? journal = null, IOrderLifetimes? lifetimes = null,
        IFailureAnswer? failureAnswer = null)
    {
        MerchantId = merchantId;
        this.net = net; this.own = own; this.gatewayKeyExchange = gatewayKeyExchange; this.validator = validator; this.clock = clock; this.rng = rng;
        this.resolution = resolution ?? OrderResolution.Faithful;
        this.lifetimes = lifetimes ?? OrderLifetimes.Faithful;
        this.failureAnswer = failureAnswer ?? UniformAnswer.Faithful;
        received = journal ?? new MessageWindow(ReceivedWindow);
        // M9: a copy of a PReq that arrives while the first is still authorizing gets the first one's answer.
        preqs = new IdenticalInFlight(OnPReqAsync);
        // A persisted order keeps the date it entered its state, so a restart neither extends nor shortens its lifetime.
        foreach (var o in persisted ?? [])
            Store(o.State == OrderState.Authorizing ? o with { State = OrderState.AuthorizationUnknown, Cause = "merchant restarted while the authorization was in flight" } : o);
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

    /// <summary>How many accepted messages <see cref="Received"/> keeps: a bounded window, whatever arrives.</summary>
    public const int ReceivedWindow = 256;

    /// <summary>
    /// The last <see cref="ReceivedWindow"/> messages of validated exchanges (requests the merchant accepted and
    /// the gateway answers it verified), for custody and transparency checks. A rejected message is never kept.
    /// </summary>
    public IReadOnlyList<NetMessage> Received => received.Messages;

    /// <summary>The order table by LID-M, a copy.</summary>
    public IReadOnlyDictionary<string, MerchantOrder> Orders { get { lock (gate) return new Dictionary<string, MerchantOrder>(orders); } }

    /// <summary>What the merchant keeps: its orders and the messages of its journal (<see cref="Received"/>).</summary>
    public int StateSize { get { lock (gate) return orders.Count + received.Messages.Count; } }

    /// <summary>
    /// Drops every order past its lifetime (what offering a new order sweeps too) and returns how many were dropped.
    /// An order whose authorization may stand is never dropped: <see cref="ResolvePendingAsync"/> settles it first.
    /// </summary>
    public int SweepExpired() { lock (gate) return Sweep(); }

    /// <summary>Stable text of the order table, for "no state change" assertions.</summary>
    public string OrdersSnapshot() { lock (gate) return string.Join('\n', orders.Values.OrderBy(o => o.Offer.LidM, StringComparer.Ordinal)); }

    /// <summary>Offers an order and returns the wake-up bytes the merchant sends to the user PC.</summary>
    public byte[] Offer(string lidM, string description, long amount, string currency, string brand)
    {
        var w = new WakeUp(MerchantId, lidM, description, amount, currency, brand);
        lock (gate)
        {
            Sweep();
            if (orders.ContainsKey(lidM)) throw new InvalidOperationException($"order {lidM} already offered");
            Put(new MerchantOrder(w, OrderState.Offered));
        }
        return w.Encode();
    }

    /// <summary>Enters <paramref name="o"/> in its state now (its lifetime starts). Under the lock.</summary>
    private MerchantOrder Put(MerchantOrder o) => Store(o with { Since = clock.UtcNow });

    /// <summary>Writes <paramref name="o"/> as it is, keeping the earliest deadline of the table. Under the lock.</summary>
    private MerchantOrder Store(MerchantOrder o)
    {
        orders[o.Offer.LidM] = o;
        if (lifetimes.LifetimeOf(o.State) is { } l && o.Since + l < nextExpiry) nextExpiry = o.Since + l;
        return o;
    }

    private bool IsPast(MerchantOrder o) => lifetimes.LifetimeOf(o.State) is { } l && o.Since + l <= clock.UtcNow;

    /// <summary>Drops an order past its lifetime that a request named; the refusal says why. Under the lock.</summary>
    private SetException Expire(MerchantOrder o)
    {
        orders.Remove(o.Offer.LidM);
        return new SetException(SetErrorCode.UnknownOrder, $"order {o.Offer.LidM} expired at merchant ({o.State} for more than {lifetimes.LifetimeOf(o.State)})");
    }

    /// <summary>Drops every order past its lifetime; nothing to do before the earliest deadline. Under the lock.</summary>
    private int Sweep()
    {
        var now = clock.UtcNow;
        if (now < nextExpiry) return 0;
        var next = DateTime.MaxValue;
        List<string>? gone = null;
        foreach (var (lid, o) in orders)
        {
            if (lifetimes.LifetimeOf(o.State) is not { } l) continue;
            if (o.Since + l <= now) (gone ??= []).Add(lid);
            else if (o.Since + l < next) next = o.Since + l;
        }
        foreach (var lid in gone ?? []) orders.Remove(lid);
        nextExpiry = next;
        return gone?.Count ?? 0;
    }

    private void Keep(NetMessage m) => received.Accepted(m);

    private async Task<NetMessage> HandleAsync(NetMessage m, CancellationToken ct)
    {
        try
        {
            var reply = m.Kind switch
            {
                PInitReq.Kind => OnPInitReq(m),
                PReq.Kind => await preqs.AnswerAsync(m, ct).ConfigureAwait(false),
                InqReq.Kind => await OnInqReqAsync(m, ct).ConfigureAwait(false),
                _ => throw new SetException(SetErrorCode.Malformed, $"unexpected {m.Kind} at merchant"),
            };
            return reply;
        }
        catch (SetException ex)
        {
            // The exact cause for the merchant's own log; the sender gets the uniform answer when the failure is concealed.
            var error = ex.Error.At("merchant");
            var answer = failureAnswer.AnswerFor(ex, "merchant");
            received.Rejected(m);
            net.Trace.Decide("merchant", TraceDecisions.Reject, new Dictionary<string, string> { ["kind"] = m.Kind, ["code"] = error.Code.ToString() }, error.Cause);
            return m.Reply(ErrorMessage.Kind, ErrorMessage.Encode(answer), new Dictionary<string, string> { ["code"] = answer.Code.ToString() });
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
            if (IsPast(order)) throw Expire(order);
            received.Accepted(m);
            next = Put(order with { State = OrderState.Initiated, LidC = req.LidC, Xid = rng.Bytes(20), ChallC = req.ChallC, ChallM = rng.Bytes(20), Rrpid = req.Rrpid });
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
            // A pending order's age is looked at only once its PReq verified (below): a bad PReq is refused for what is wrong with it.
            if (o.State is not (OrderState.Offered or OrderState.Initiated) && IsPast(o)) throw Expire(o);
            // The same PReq again (a duplicate on the network): the recorded PRes, as SET answers a repeated RRPID.
            if (o.RecordedPRes is { } recorded && o.PReqHash is { } h && h.AsSpan().SequenceEqual(System.Security.Cryptography.SHA256.HashData(m.Body)))
                return m.Reply(PRes.Kind, recorded, Fields(o));
            if (o.State is not (OrderState.Offered or OrderState.Initiated))
                throw new SetException(SetErrorCode.Replay, $"PReq replayed for order {oi.LidM} at merchant");
            if (o.State != OrderState.Initiated) throw new SetException(SetErrorCode.UnknownOrder, $"order {oi.LidM} not initiated at merchant");
            order = o;
        }
        var w = order.Offer;
        var (hOI, hod) = VerifyPReq(req, oi, pids, order);

        lock (gate)
        {
            if (!orders.TryGetValue(oi.LidM, out var now) || now.State != OrderState.Initiated) throw new SetException(SetErrorCode.Replay, $"PReq replayed for order {oi.LidM} at merchant");
            if (IsPast(now)) throw Expire(now);
            // The PReq's RRPID is recorded before the gateway is asked, so a merchant restarted meanwhile can still answer it.
            Put(order with { State = OrderState.Authorizing, PReqRrpid = req.Rrpid });
        }
        Keep(m);
        net.Trace.Decide("merchant", TraceDecisions.PReqVerified, new Dictionary<string, string> { ["lid-m"] = w.LidM, ["brand"] = w.Brand }, "chain, dual signature, challenges, HOD");
        // A typed Error from the gateway is definitive (it recorded nothing): the order is closed, whatever the cause.
        var (res, lost) = await AuthorizeAsync(order, req, hOI, hod, ct).ConfigureAwait(false) switch
        {
            { Rejected: { } e } => throw Close(order, e),
            var r => (r.Res, r.Lost),
        };
        if (res is null && resolution.ReopensUnknown)
            throw Restore(order, new SetException(SetErrorCode.Malformed, $"{lost} at merchant"));
        if (res is null)
        {
            // The gateway may have authorized: never re-open; say "order received" and let an inquiry resolve it.
            var pending = new PRes(order.LidC!, w.LidM, order.Xid!, req.Rrpid, order.ChallC!, false, "", Pending: true);
            var signedPending = SignedMessage.Sign(PRes.Kind, pending.Encode(), own.For(w.Brand).Signing).Encode();
            // M8: the same PReq again (a duplicate) gets this "order received" answer too, so its sender inquires.
            var unknown = order with { State = OrderState.AuthorizationUnknown, PReqRrpid = req.Rrpid, Cause = lost, PReqHash = System.Security.Cryptography.SHA256.HashData(m.Body), RecordedPRes = signedPending };
            lock (gate) Put(unknown);
            net.Trace.Decide("merchant", TraceDecisions.AuthorizationUnknown, new Dictionary<string, string> { ["lid-m"] = w.LidM }, lost!);
            var f = Fields(unknown);
            f["completion"] = "OrderReceived";
            return m.Reply(PRes.Kind, signedPending, f);
        }
        var done = Settle(order with { PReqRrpid = req.Rrpid, PReqHash = System.Security.Cryptography.SHA256.HashData(m.Body) }, res);
        return m.Reply(PRes.Kind, done.RecordedPRes!, Fields(done));
    }

    /// <summary>
    /// Every check of a PReq's signed content: the cardholder chain and brand, the dual signature from OIData and H(PIData), then
    /// what the dual signature covers against the order: RRPID (the one the wallet chose in PInitReq, carried in the PReq and
    /// inside OIData), XID, both challenges, brand, HOD. Any failure is answered uniformly (<see cref="UniformFailure"/>) and
    /// leaves the order as it was. Returns H(OIData) and HOD for the AuthReq.
    /// </summary>
    private (byte[] HOI, byte[] Hod) VerifyPReq(PReq req, OIData oi, PIDualSigned pids, MerchantOrder order) => UniformFailure.Verify(() =>
    {
        var w = order.Offer;
        var chain = CertChain.Parse(req.CardholderChain, "cardholder", "merchant");
        var cardholder = validator.Validate(chain, CertRole.Cardholder, w.Brand, "cardholder");
        var hOI = DualSignature.H(req.OIDataBytes);
        if (!DualSignature.Verify(cardholder, req.HPIData, hOI, pids.DualSignature))
            throw new SetException(SetErrorCode.BadSignature, "dual signature invalid at merchant");
        if (!oi.Rrpid.AsSpan().SequenceEqual(order.Rrpid) || !req.Rrpid.AsSpan().SequenceEqual(order.Rrpid))
            throw new SetException(SetErrorCode.Mismatch, "RRPID in PReq or OIData differs from the PInitReq's at merchant");
        if (!oi.Xid.AsSpan().SequenceEqual(order.Xid) || !oi.ChallC.AsSpan().SequenceEqual(order.ChallC) || !oi.ChallM.AsSpan().SequenceEqual(order.ChallM))
            throw new SetException(SetErrorCode.Mismatch, "XID or challenges in OIData differ from PInitRes at merchant");
        if (oi.Brand != w.Brand) throw new SetException(SetErrorCode.WrongBrand, $"OIData brand {oi.Brand} is not {w.Brand} at merchant");
        var hod = DualSignature.Hod(oi.OdSalt, w.OrderDesc, w.Amount, w.Currency);
        if (!hod.AsSpan().SequenceEqual(oi.Hod)) throw new SetException(SetErrorCode.Mismatch, "HOD does not match the order at merchant");
        return (hOI, hod);
    });

    /// <summary>
    /// A definitive refusal by the gateway (a typed Error: it recorded nothing) closes the order, the same way whatever the
    /// gateway's cause: an attacker who submits a PReq that passes the merchant's checks and fails the gateway's learns
    /// nothing from the answer (the uniform one) nor from the order (Cancelled, with one fixed cause), and gets one such
    /// probe per order. The gateway's own answer goes to the merchant's log only.
    /// </summary>
    private SetException Close(MerchantOrder order, SetException e)
    {
        var closed = order with { State = OrderState.Cancelled, Cause = GatewayRefused };
        lock (gate) Put(closed);
        net.Trace.Decide("merchant", TraceDecisions.Cancelled, new Dictionary<string, string> { ["lid-m"] = order.Offer.LidM }, GatewayRefused);
        return UniformFailure.Conceal(new SetException(e.Error.Code, $"the gateway refused the authorization ({e.Error.Cause}) at merchant"));
    }

    /// <summary>The one cause a gateway refusal closes an order with (what an inquiry about it reports).</summary>
    private const string GatewayRefused = "the gateway refused the authorization";

    /// <summary>Puts the order back as it was (Initiated, since when it was): a definitive rejection does not extend its lifetime.</summary>
    private SetException Restore(MerchantOrder order, SetException e)
    {
        lock (gate) Store(order);
        return e;
    }

    /// <summary>Records the gateway's answer: Paid or Declined, with the signed PRes that answers the PReq (and any later inquiry).</summary>
    private MerchantOrder Settle(MerchantOrder order, AuthRes res)
    {
        var w = order.Offer;
        var pres = new PRes(order.LidC!, w.LidM, order.Xid!, order.PReqRrpid!, order.ChallC!, res.Approved, res.AuthCode);
        var signed = SignedMessage.Sign(PRes.Kind, pres.Encode(), own.For(w.Brand).Signing).Encode();
        var done = order with { State = res.Approved ? OrderState.Paid : OrderState.Declined, AuthCode = res.AuthCode, RecordedPRes = signed, Cause = null };
        lock (gate) return Put(done);
    }

    private sealed record Authorization(AuthRes? Res, string? Lost, SetException? Rejected);

    private async Task<Authorization> AuthorizeAsync(MerchantOrder order, PReq req, byte[] hOI, byte[] hod, CancellationToken ct)
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
            return new(null, $"gateway {e.Failure} during AuthReq", null);
        }
        if (reply.Kind == ErrorMessage.Kind)
        {
            try { var err = ErrorMessage.Decode(reply.Body); return new(null, null, new SetException(err.Code, err.Cause)); }
            catch (SetException e) { return new(null, $"unreadable gateway error: {e.Error.Cause}", null); }
        }
        try
        {
            if (reply.Kind != AuthRes.Kind) throw new SetException(SetErrorCode.Malformed, $"unexpected {reply.Kind} from gateway at merchant");
            var res = OpenAuthRes(Envelope.Open(reply.Body, mine.KeyExchange, "merchant"), order);
            Keep(reply);
            return new(res, null, null);
        }
        catch (SetException e)
        {
            // An answer we cannot trust says nothing about what the gateway recorded.
            return new(null, $"unusable AuthRes: {e.Error.Cause}", null);
        }
    }

    /// <summary>Verifies a signed AuthRes (gateway signature, brand, XID, LID-M, amount) for <paramref name="order"/>.</summary>
    private AuthRes OpenAuthRes(byte[] signedAuthRes, MerchantOrder order)
    {
        var w = order.Offer;
        var inner = SignedMessage.Decode(signedAuthRes, AuthRes.Kind);
        inner.Verify(validator, CertRole.GatewaySignature, w.Brand, "gateway");
        var res = AuthRes.Decode(inner.Content);
        if (!res.Xid.AsSpan().SequenceEqual(order.Xid) || res.LidM != w.LidM || res.Amount != w.Amount)
            throw new SetException(SetErrorCode.Mismatch, "AuthRes does not match the AuthReq at merchant");
        return res;
    }

    /// <summary>
    /// A wallet's inquiry (InqReq): bound to the transaction by LID-M, LID-C and XID; answered with a signed InqRes
    /// echoing the inquiry's RRPID and Chall-C. An order whose authorization is unknown is resolved with the gateway
    /// first; an order with no PReq is closed (Cancelled), so a PReq still in the network cannot pay later.
    /// </summary>
    private async Task<NetMessage> OnInqReqAsync(NetMessage m, CancellationToken ct)
    {
        var q = InqReq.Decode(m.Body);
        MerchantOrder order;
        lock (gate)
        {
            if (q.MerchantId != MerchantId || !orders.TryGetValue(q.LidM, out var o) || o.Xid is null || !o.Xid.AsSpan().SequenceEqual(q.Xid) || o.LidC != q.LidC)
                throw new SetException(SetErrorCode.UnknownOrder, $"no transaction {q.LidM} with this XID at merchant");
            if (IsPast(o)) throw Expire(o);
            if (o.State == OrderState.Initiated)
            {
                o = Put(o with { State = OrderState.Cancelled, Cause = "no purchase request reached the merchant" });
                net.Trace.Decide("merchant", TraceDecisions.Cancelled, new Dictionary<string, string> { ["lid-m"] = q.LidM }, o.Cause!);
            }
            else if (o.State == OrderState.AuthorizationUnknown && resolution.ResolvesBeforeAnswering)
            {
                // Claimed for resolution: a concurrent inquiry sees Authorizing and is told Pending.
                Put(o with { State = OrderState.Authorizing });
            }
            order = o;
        }
        Keep(m);
        if (order.State == OrderState.AuthorizationUnknown && resolution.ResolvesBeforeAnswering) order = await ResolveAsync(order, abandonIfUnreachable: true, ct).ConfigureAwait(false);
        var (status, recorded) = order.State switch
        {
            OrderState.Paid => (InquiryStatus.Paid, (IReadOnlyList<byte[]>)[order.RecordedPRes!]),
            OrderState.Declined => (InquiryStatus.Declined, [order.RecordedPRes!]),
            OrderState.Authorizing => (InquiryStatus.Pending, []),
            _ => (InquiryStatus.Cancelled, []),
        };
        var res = new InqRes(order.LidC!, order.Offer.LidM, order.Xid!, q.Rrpid, q.ChallC, status, status == InquiryStatus.Cancelled ? order.Cause ?? order.State.ToString() : "", recorded);
        var signed = SignedMessage.Sign(InqRes.Kind, res.Encode(), own.For(order.Offer.Brand).Signing);
        var f = Fields(order);
        f["status"] = status.ToString();
        return m.Reply(InqRes.Kind, signed.Encode(), f);
    }

    /// <summary>
    /// Settles every order whose authorization is unknown by asking the gateway, and retries the reversal of every
    /// abandoned one: the merchant's periodic recovery once the network heals. Returns how many orders changed.
    /// </summary>
    public async Task<int> ResolvePendingAsync(CancellationToken ct = default)
    {
        List<MerchantOrder> pending;
        lock (gate)
        {
            pending = orders.Values.Where(o => o.State is OrderState.AuthorizationUnknown or OrderState.Abandoned).OrderBy(o => o.Offer.LidM, StringComparer.Ordinal).ToList();
            foreach (var o in pending.Where(o => o.State == OrderState.AuthorizationUnknown)) Put(o with { State = OrderState.Authorizing });
        }
        var changed = 0;
        foreach (var o in pending)
        {
            var after = o.State == OrderState.Abandoned
                ? await ReverseAsync(o, ct).ConfigureAwait(false)
                : await ResolveAsync(o, abandonIfUnreachable: false, ct).ConfigureAwait(false);
            if (after.State != o.State) changed++;
        }
        return changed;
    }

    /// <summary>
    /// Asks the gateway what it recorded for the order's XID and settles the order accordingly: Authorized/Declined
    /// (with the recorded AuthRes) → Paid/Declined; nothing recorded (the gateway now closes the XID) → Cancelled;
    /// reversed → Reversed. When the gateway cannot be asked, either the order stays unknown (sweep) or it is
    /// abandoned and reversed (an inquiry: the wallet is waiting for a final answer).
    /// </summary>
    private async Task<MerchantOrder> ResolveAsync(MerchantOrder order, bool abandonIfUnreachable, CancellationToken ct)
    {
        var w = order.Offer;
        var mine = own.For(w.Brand);
        var req = new AuthInqReq(w.LidM, order.Xid!, MerchantId, w.Brand, mine.KeyExchange.Chain.Der);
        AuthInqRes? res = null;
        string? failure = null;
        try
        {
            var reply = await SendSealedAsync(AuthInqReq.Kind, req.Encode(), order, ct).ConfigureAwait(false);
            var inner = OpenGatewayReply(reply, AuthInqRes.Kind, order);
            res = AuthInqRes.Decode(inner);
            if (!res.Xid.AsSpan().SequenceEqual(order.Xid) || res.LidM != w.LidM) throw new SetException(SetErrorCode.Mismatch, "AuthInqRes does not match the inquiry at merchant");
            if (res.RecordedAuthRes.Count == 1)
            {
                var auth = OpenAuthRes(res.RecordedAuthRes[0], order);
                net.Trace.Decide("merchant", TraceDecisions.Settled, new Dictionary<string, string> { ["lid-m"] = w.LidM, ["status"] = res.Status.ToString() }, "the gateway's recorded AuthRes");
                return Settle(order, auth);
            }
        }
        catch (NetworkException e) { failure = $"gateway {e.Failure} during AuthInqReq"; }
        catch (SetException e) { failure = $"unusable AuthInqRes: {e.Error.Cause}"; }
        if (res is not null)
        {
            var closed = order with
            {
                State = res.Status == GatewayStatus.Reversed ? OrderState.Reversed : OrderState.Cancelled,
                Cause = res.Status == GatewayStatus.Reversed ? "authorization reversed at the gateway" : "the gateway never received the authorization request",
            };
            lock (gate) closed = Put(closed);
            net.Trace.Decide("merchant", TraceDecisions.Cancelled, new Dictionary<string, string> { ["lid-m"] = w.LidM, ["status"] = res.Status.ToString() }, closed.Cause!);
            return closed;
        }
        if (!abandonIfUnreachable)
        {
            var still = order with { State = OrderState.AuthorizationUnknown, Cause = failure };
            lock (gate) return Put(still);
        }
        var abandoned = order with { State = OrderState.Abandoned, Cause = $"abandoned: {failure}" };
        lock (gate) abandoned = Put(abandoned);
        return await ReverseAsync(abandoned, ct).ConfigureAwait(false);
    }

    /// <summary>Reverses (or voids) the XID of an abandoned order; without an answer the order stays Abandoned and the sweep retries.</summary>
    private async Task<MerchantOrder> ReverseAsync(MerchantOrder order, CancellationToken ct)
    {
        var w = order.Offer;
        var req = new AuthRevReq(w.LidM, order.Xid!, MerchantId, w.Brand, w.Amount, own.For(w.Brand).KeyExchange.Chain.Der);
        try
        {
            var reply = await SendSealedAsync(AuthRevReq.Kind, req.Encode(), order, ct).ConfigureAwait(false);
            var res = AuthRevRes.Decode(OpenGatewayReply(reply, AuthRevRes.Kind, order));
            if (!res.Xid.AsSpan().SequenceEqual(order.Xid) || res.LidM != w.LidM) throw new SetException(SetErrorCode.Mismatch, "AuthRevRes does not match the reversal at merchant");
            var done = order with
            {
                State = res.Status == GatewayStatus.Declined ? OrderState.Declined : OrderState.Reversed,
                Cause = res.Status == GatewayStatus.Declined ? "declined by the gateway" : $"purchase abandoned; the gateway {res.Status.ToString().ToLowerInvariant()} the authorization",
            };
            lock (gate) done = Put(done);
            net.Trace.Decide("merchant", TraceDecisions.Reversed, new Dictionary<string, string> { ["lid-m"] = w.LidM, ["status"] = res.Status.ToString() }, done.Cause!);
            return done;
        }
        catch (Exception e) when (e is NetworkException or SetException)
        {
            var still = order with { State = OrderState.Abandoned, Cause = "purchase abandoned; reversal pending at the gateway" };
            lock (gate) return Put(still);
        }
    }

    private async Task<NetMessage> SendSealedAsync(string kind, byte[] content, MerchantOrder order, CancellationToken ct)
    {
        var w = order.Offer;
        var signed = SignedMessage.Sign(kind, content, own.For(w.Brand).Signing);
        var env = Envelope.Seal(signed.Encode(), gatewayKeyExchange.For(w.Brand).Leaf, rng);
        return await net.SendAsync(new NetMessage(At, GatewayAddress, kind, env, Fields(order)), ct).ConfigureAwait(false);
    }

    /// <summary>Opens and verifies a gateway reply of <paramref name="kind"/> (envelope to the merchant, gateway signature); a typed Error is thrown as such.</summary>
    private byte[] OpenGatewayReply(NetMessage reply, string kind, MerchantOrder order)
    {
        if (reply.Kind == ErrorMessage.Kind) { var err = ErrorMessage.Decode(reply.Body); throw new SetException(err.Code, err.Cause); }
        if (reply.Kind != kind) throw new SetException(SetErrorCode.Malformed, $"unexpected {reply.Kind} from gateway at merchant");
        var inner = SignedMessage.Decode(Envelope.Open(reply.Body, own.For(order.Offer.Brand).KeyExchange, "merchant"), kind);
        inner.Verify(validator, CertRole.GatewaySignature, order.Offer.Brand, "gateway");
        Keep(reply);
        return inner.Content;
    }
}
