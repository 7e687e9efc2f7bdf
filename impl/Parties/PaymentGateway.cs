using System.Security.Cryptography;
using System.Text;
using MultiWallet.Impl.Codec;
using MultiWallet.Impl.Crypto;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Set;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Security;

namespace MultiWallet.Impl.Parties;

/// <summary>
/// The payment gateway. Opens the merchant's AuthReq, verifies the merchant's signature, opens the PI the
/// cardholder sealed for it, recomputes H(PIData), checks the dual signature with H(OIData) taken from inside
/// the PI, compares H(OIData)/HOD/amount/XID with the merchant's AuthReqData, checks the cardholder chain and
/// brand and that the certificate binds the PAN (CN = H(PAN ‖ PANSecret)), that the merchant certificates name the
/// request's merchant id (<see cref="MerchantIdentity"/>), and approves with an auth code. Every failure of that
/// verification (and of AuthInqReq's and AuthRevReq's) is answered with the one <see cref="UniformFailure.Answer"/>;
/// the cause goes to the trace only.
/// It is idempotent per XID: an AuthReq identical to the one it answered (same AuthReqData and PI) gets the
/// recorded reply, byte for byte, and no second authorization; any other AuthReq for a recorded XID is
/// refused (Replay). It answers authorization inquiries (AuthInqReq: its record, with the recorded AuthRes)
/// and reversals (AuthRevReq); inquiring about or reversing an XID it never saw closes it (Voided), so a late
/// AuthReq can no longer authorize behind the merchant's back. Bad input → typed Error, nothing recorded.
/// </summary>
public sealed class PaymentGateway
{
    private readonly INetwork net;
    private readonly BrandCredentials own;
    private readonly SecureRandom rng;
    private readonly ChainValidator validator;
    private readonly IGatewayLedger records;
    private readonly IFailureAnswer failureAnswer;
    private readonly IAuthReqAgreement agreement;
    private readonly Lock gate = new();

    /// <summary>
    /// A gateway listening at <paramref name="at"/> (default <see cref="Address.Gateway"/>) with its own
    /// credentials, a validator trusting the root on its clock, and its own random stream (auth codes, envelopes).
    /// Its records live in <paramref name="ledger"/> (a fresh <see cref="GatewayLedger"/> by default): what it persists,
    /// so a gateway restarted on the same ledger answers as before. It answers refusals with <paramref name="failureAnswer"/> and compares
    /// the PI with the AuthReqData with <paramref name="agreement"/> (the faithful <see cref="UniformAnswer"/> and <see cref="AuthReqAgreement"/> by default).
    /// </summary>
    public PaymentGateway(INetwork net, BrandCredentials own, ChainValidator validator, SecureRandom rng, Address? at = null, IGatewayLedger? ledger = null,
        IFailureAnswer? failureAnswer = null, IAuthReqAgreement? agreement = null)
    {
        this.net = net; this.own = own; this.validator = validator; this.rng = rng;
        this.failureAnswer = failureAnswer ?? UniformAnswer.Faithful;
        this.agreement = agreement ?? AuthReqAgreement.Faithful;
        records = ledger ?? new GatewayLedger();
        At = at ?? Address.Gateway;
        net.Listen(At, Handle);
    }

    /// <summary>Where the gateway listens.</summary>
    public Address At { get; }

    /// <summary>Decline any authorization above this amount (minor units); null approves everything valid.</summary>
    public long? DeclineAbove { get; set; }

    /// <summary>Per brand: decline any authorization in that brand above this amount (besides <see cref="DeclineAbove"/>).</summary>
    public Dictionary<string, long> DeclineAboveByBrand { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Per merchant id: decline any authorization for that merchant above this amount (its agreement with the acquirer),
    /// besides <see cref="DeclineAbove"/> and the brand's. The merchant id is the one its certificate names (checked first).
    /// </summary>
    public Dictionary<string, long> DeclineAboveByMerchant { get; } = new(StringComparer.Ordinal);

    /// <summary>The lowest of the gateway's limit, the brand's and the merchant's, or null when none is set.</summary>
    public long? LimitFor(string brand, string? merchantId = null)
    {
        long? limit = DeclineAbove;
        if (DeclineAboveByBrand.TryGetValue(brand, out var own)) limit = Math.Min(own, limit ?? long.MaxValue);
        if (merchantId is not null && DeclineAboveByMerchant.TryGetValue(merchantId, out var merchant)) limit = Math.Min(merchant, limit ?? long.MaxValue);
        return limit;
    }

    /// <summary>Authorizations standing for an order (merchant id, LID-M): granted and not reversed. Exactly-once checks read this.</summary>
    public int Authorizations(string merchantId, string lidM) => records.Authorizations(merchantId, lidM);

    /// <summary>Total authorizations standing (granted and not reversed).</summary>
    public int TotalAuthorizations => records.TotalAuthorizations;

    /// <summary>The ledger the gateway records in (what survives its restart).</summary>
    public IGatewayLedger Ledger => records;

    /// <summary>The gateway's record for an order (merchant id, LID-M), or null when it never saw it: what the user's final answer must equal.</summary>
    public GatewayStatus? Status(string merchantId, string lidM)
    {
        return records.Records.LastOrDefault(r => r.MerchantId == merchantId && r.LidM == lidM)?.Status;
    }

    /// <summary>Reversals performed.</summary>
    public int Reversals => records.Records.Count(r => r.Status == GatewayStatus.Reversed);

    private async Task<NetMessage> Handle(NetMessage m, CancellationToken ct)
    {
        try
        {
            return m.Kind switch
            {
                AuthReqPayload.Kind => await OnAuthReqAsync(m).ConfigureAwait(false),
                AuthInqReq.Kind => OnAuthInqReq(m),
                AuthRevReq.Kind => OnAuthRevReq(m),
                _ => throw new SetException(SetErrorCode.Malformed, $"unexpected {m.Kind} at gateway"),
            };
        }
        catch (SetException ex)
        {
            // The exact cause for the gateway's own log; the sender gets the uniform answer when the failure is concealed.
            var error = ex.Error.At("gateway");
            var answer = failureAnswer.AnswerFor(ex, "gateway");
            net.Trace.Decide("gateway", TraceDecisions.Reject, new Dictionary<string, string> { ["code"] = error.Code.ToString() }, error.Cause);
            return m.Reply(ErrorMessage.Kind, ErrorMessage.Encode(answer), new Dictionary<string, string> { ["code"] = answer.Code.ToString() });
        }
    }

    /// <summary>What the gateway verified of an AuthReq: its data, payload and the merchant's key-exchange certificate to answer to.</summary>
    private sealed record VerifiedAuthReq(AuthReqData Data, AuthReqPayload Payload, ValidatedCert MerchantKe);

    /// <summary>
    /// Every check of an AuthReq before the ledger is asked: the envelope, the merchant's signature and that its certificate
    /// names the AuthReqData's merchant, the PI envelope, the dual signature, the PI against the AuthReqData, the PAN against
    /// the cardholder certificate. Any failure is answered uniformly (<see cref="UniformFailure"/>).
    /// </summary>
    private VerifiedAuthReq VerifyAuthReq(NetMessage m) => UniformFailure.Verify(() =>
    {
        var signed = SignedMessage.Decode(Envelope.Open(m.Body, own.KeyExchangeOfEveryBrand, "gateway"), AuthReqPayload.Kind);
        var payload = AuthReqPayload.Decode(signed.Content);
        var data = AuthReqData.Decode(payload.AuthReqDataBytes);
        if (!Brands.IsKnown(data.Brand)) throw new SetException(SetErrorCode.WrongBrand, $"unknown brand {data.Brand} at gateway");
        var merchant = signed.Verify(validator, CertRole.MerchantSignature, data.Brand, "merchant");
        MerchantIdentity.Require(merchant, data.MerchantId, "AuthReq signer", "gateway");

        var pids = PIDualSigned.Decode(payload.PIDualSignedBytes);
        var pi = PIEnvelopeContent.Decode(Envelope.Open(pids.PIEnvelope, own.For(data.Brand).KeyExchange, "gateway"));
        var head = PIHead.Decode(pi.PIHeadBytes);
        var pan = PanData.Decode(pi.PanDataBytes);
        var hPI = DualSignature.H(new PIData(pi.PIHeadBytes, pi.PanDataBytes).Encode());

        var chain = CertChain.Parse(payload.CardholderChain, "cardholder", "gateway");
        var cardholder = validator.Validate(chain, CertRole.Cardholder, data.Brand, "cardholder");
        if (!DualSignature.Verify(cardholder, hPI, pi.HOIData, pids.DualSignature))
            throw new SetException(SetErrorCode.BadSignature, "dual signature invalid at gateway");
        agreement.Require(head, pi.HOIData, data);
        var cn = cardholder.Cert.SubjectDN.GetValueList(X509Name.CN).FirstOrDefault();
        var bound = Convert.ToHexStringLower(SHA256.HashData([.. Encoding.ASCII.GetBytes(pan.Pan), .. pan.PanSecret]))[..40];
        if (cn != bound) throw new SetException(SetErrorCode.Mismatch, "PAN is not the one the cardholder certificate binds at gateway");

        var merchantKe = validator.Validate(CertChain.Parse(payload.MerchantKeyExchangeChain, "merchant key-exchange", "gateway"), CertRole.MerchantKeyExchange, data.Brand, "merchant key-exchange");
        MerchantIdentity.Require(merchantKe, data.MerchantId, "merchant key-exchange", "gateway");
        return new VerifiedAuthReq(data, payload, merchantKe);
    });

    private async Task<NetMessage> OnAuthReqAsync(NetMessage m)
    {
        var (data, payload, merchantKe) = VerifyAuthReq(m);
        var xidHex = Convert.ToHexStringLower(data.Xid);
        var fingerprint = SHA256.HashData([.. payload.AuthReqDataBytes, .. payload.PIDualSignedBytes]);
        // Decided, signed and recorded as one step of the ledger: two copies of one AuthReq can never both authorize.
        var (record, fresh) = await records.RecordOnceAsync(xidHex, () =>
        {
            var limit = LimitFor(data.Brand, data.MerchantId);
            var approved = limit is not { } l || data.Amount <= l;
            var code = approved ? Convert.ToHexString(rng.Bytes(3)) : "";
            if (approved) records.CountAuthorization(data.MerchantId, data.LidM, 1);
            net.Trace.Decide("gateway", approved ? TraceDecisions.Authorized : TraceDecisions.Declined, new Dictionary<string, string> { ["lid-m"] = data.LidM, ["brand"] = data.Brand },
                approved ? "dual signature, PI and AuthReq agree" : $"amount above {limit}");
            var res = new AuthRes(data.LidM, data.Xid, data.Amount, approved, code);
            var out_ = SignedMessage.Sign(AuthRes.Kind, res.Encode(), own.For(data.Brand).Signing).Encode();
            var env = Envelope.Seal(out_, merchantKe.Cert, rng);
            var reply = m.Reply(AuthRes.Kind, env, new Dictionary<string, string> { ["lid-m"] = data.LidM, ["result"] = approved ? "Approved" : "Declined", ["xid"] = xidHex[..8] });
            return new GatewayRecord(data.MerchantId, data.LidM, data.Brand, data.Amount, fingerprint, approved ? GatewayStatus.Authorized : GatewayStatus.Declined, out_, reply);
        }).ConfigureAwait(false);
        if (fresh) return record.Reply!;
        if (record.Reply is { } recorded && record.Fingerprint is { } f && f.AsSpan().SequenceEqual(fingerprint) && record.MerchantId == data.MerchantId)
        {
            net.Trace.Decide("gateway", TraceDecisions.AuthReqRepeated, new Dictionary<string, string> { ["lid-m"] = data.LidM, ["status"] = record.Status.ToString() },
                "identical AuthReq for a recorded XID: the recorded AuthRes, no second authorization");
            return m.Reply(recorded.Kind, recorded.Body, recorded.Fields);
        }
        throw new SetException(SetErrorCode.Replay, $"second AuthReq for XID {xidHex[..8]} at gateway");
    }

    /// <summary>
    /// Opens a merchant's signed, enveloped request of <paramref name="kind"/> and binds the merchant id it names to the signing and
    /// key-exchange certificates; returns its content and the merchant's validated key-exchange certificate. Failures are answered uniformly.
    /// </summary>
    private (byte[] Content, ValidatedCert MerchantKe) OpenMerchantRequest(NetMessage m, string kind, Func<byte[], (string Brand, string MerchantId, IReadOnlyList<byte[]> KeChain)> fieldsOf) => UniformFailure.Verify(() =>
    {
        var signed = SignedMessage.Decode(Envelope.Open(m.Body, own.KeyExchangeOfEveryBrand, "gateway"), kind);
        var (brand, merchantId, keChain) = fieldsOf(signed.Content);
        if (!Brands.IsKnown(brand)) throw new SetException(SetErrorCode.WrongBrand, $"unknown brand {brand} at gateway");
        var merchant = signed.Verify(validator, CertRole.MerchantSignature, brand, "merchant");
        MerchantIdentity.Require(merchant, merchantId, $"{kind} signer", "gateway");
        var ke = validator.Validate(CertChain.Parse(keChain, "merchant key-exchange", "gateway"), CertRole.MerchantKeyExchange, brand, "merchant key-exchange");
        MerchantIdentity.Require(ke, merchantId, "merchant key-exchange", "gateway");
        return (signed.Content, ke);
    });

    private NetMessage SealedReply(NetMessage m, string kind, byte[] content, string brand, ValidatedCert merchantKe, Dictionary<string, string> fields)
    {
        var signed = SignedMessage.Sign(kind, content, own.For(brand).Signing).Encode();
        return m.Reply(kind, Envelope.Seal(signed, merchantKe.Cert, rng), fields);
    }

    private NetMessage OnAuthInqReq(NetMessage m)
    {
        var (content, ke) = OpenMerchantRequest(m, AuthInqReq.Kind, c => { var q = AuthInqReq.Decode(c); return (q.Brand, q.MerchantId, q.MerchantKeyExchangeChain); });
        var req = AuthInqReq.Decode(content);
        var xidHex = Convert.ToHexStringLower(req.Xid);
        GatewayStatus status;
        IReadOnlyList<byte[]> recorded = [];
        lock (gate)
        {
            if (records.TryGet(xidHex, out var r))
            {
                if (r.MerchantId != req.MerchantId || r.LidM != req.LidM) throw new SetException(SetErrorCode.Mismatch, $"XID {xidHex[..8]} belongs to another order at gateway");
                status = r.Status;
                if (r.SignedAuthRes is { } a && status is GatewayStatus.Authorized or GatewayStatus.Declined) recorded = [a];
            }
            else
            {
                // Nothing recorded: close the XID so an AuthReq still in the network cannot authorize after this answer.
                records.Put(xidHex, new GatewayRecord(req.MerchantId, req.LidM, req.Brand, 0, null, GatewayStatus.Voided, null, null));
                status = GatewayStatus.NotFound;
            }
        }
        var res = new AuthInqRes(req.LidM, req.Xid, status, recorded);
        return SealedReply(m, AuthInqRes.Kind, res.Encode(), req.Brand, ke, new Dictionary<string, string> { ["lid-m"] = req.LidM, ["status"] = status.ToString(), ["xid"] = xidHex[..8] });
    }

    private NetMessage OnAuthRevReq(NetMessage m)
    {
        var (content, ke) = OpenMerchantRequest(m, AuthRevReq.Kind, c => { var q = AuthRevReq.Decode(c); return (q.Brand, q.MerchantId, q.MerchantKeyExchangeChain); });
        var req = AuthRevReq.Decode(content);
        var xidHex = Convert.ToHexStringLower(req.Xid);
        GatewayStatus status;
        lock (gate)
        {
            if (records.TryGet(xidHex, out var r))
            {
                if (r.MerchantId != req.MerchantId || r.LidM != req.LidM) throw new SetException(SetErrorCode.Mismatch, $"XID {xidHex[..8]} belongs to another order at gateway");
                if (r.Status == GatewayStatus.Authorized && r.Amount != req.Amount) throw new SetException(SetErrorCode.Mismatch, "reversal amount differs from the authorization at gateway");
                if (r.Status == GatewayStatus.Authorized) records.CountAuthorization(r.MerchantId, r.LidM, -1);
                status = r.Status switch
                {
                    GatewayStatus.Authorized or GatewayStatus.Reversed => GatewayStatus.Reversed,
                    GatewayStatus.Declined => GatewayStatus.Declined,
                    _ => GatewayStatus.Voided,
                };
                records.Put(xidHex, r with { Status = status });
            }
            else
            {
                records.Put(xidHex, new GatewayRecord(req.MerchantId, req.LidM, req.Brand, req.Amount, null, GatewayStatus.Voided, null, null));
                status = GatewayStatus.Voided;
            }
        }
        net.Trace.Decide("gateway", TraceDecisions.Reversed, new Dictionary<string, string> { ["lid-m"] = req.LidM, ["status"] = status.ToString() }, "purchase abandoned after authorization: reversed or voided");
        var res = new AuthRevRes(req.LidM, req.Xid, status);
        return SealedReply(m, AuthRevRes.Kind, res.Encode(), req.Brand, ke, new Dictionary<string, string> { ["lid-m"] = req.LidM, ["status"] = status.ToString(), ["xid"] = xidHex[..8] });
    }
}
