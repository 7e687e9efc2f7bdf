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
/// brand and that the certificate binds the PAN (CN = H(PAN ‖ PANSecret)), refuses a second AuthReq for the
/// same XID, and approves with an auth code. Bad input → typed Error, nothing recorded.
/// </summary>
public sealed class PaymentGateway
{
    private readonly INetwork net;
    private readonly BrandCredentials own;
    private readonly SecureRandom rng;
    private readonly ChainValidator validator;
    private readonly HashSet<string> authorizedXids = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Merchant, string LidM), int> perOrder = [];
    private readonly Lock gate = new();

    /// <summary>
    /// A gateway listening at <paramref name="at"/> (default <see cref="Address.Gateway"/>) with its own
    /// credentials, a validator trusting the root on its clock, and its own random stream (auth codes, envelopes).
    /// </summary>
    public PaymentGateway(INetwork net, BrandCredentials own, ChainValidator validator, SecureRandom rng, Address? at = null)
    {
        this.net = net; this.own = own; this.validator = validator; this.rng = rng;
        At = at ?? Address.Gateway;
        net.Listen(At, Handle);
    }

    /// <summary>Where the gateway listens.</summary>
    public Address At { get; }

    /// <summary>Decline any authorization above this amount (minor units); null approves everything valid.</summary>
    public long? DeclineAbove { get; set; }

    /// <summary>Authorizations granted for an order (merchant id, LID-M): exactly-once checks read this.</summary>
    public int Authorizations(string merchantId, string lidM) { lock (gate) return perOrder.GetValueOrDefault((merchantId, lidM)); }

    /// <summary>Total authorizations granted.</summary>
    public int TotalAuthorizations { get { lock (gate) return perOrder.Values.Sum(); } }

    private Task<NetMessage> Handle(NetMessage m, CancellationToken ct)
    {
        try
        {
            if (m.Kind != AuthReqPayload.Kind) throw new SetException(SetErrorCode.Malformed, $"unexpected {m.Kind} at gateway");
            return Task.FromResult(OnAuthReq(m));
        }
        catch (SetException ex)
        {
            var error = ex.Error.At("gateway");
            net.Trace.Decide("gateway", TraceDecisions.Reject, new Dictionary<string, string> { ["code"] = error.Code.ToString() }, error.Cause);
            return Task.FromResult(m.Reply(ErrorMessage.Kind, ErrorMessage.Encode(error), new Dictionary<string, string> { ["code"] = error.Code.ToString() }));
        }
    }

    private NetMessage OnAuthReq(NetMessage m)
    {
        var signed = SignedMessage.Decode(Envelope.Open(m.Body, own.KeyExchangeOfEveryBrand, "gateway"), AuthReqPayload.Kind);
        var payload = AuthReqPayload.Decode(signed.Content);
        var data = AuthReqData.Decode(payload.AuthReqDataBytes);
        if (!Brands.IsKnown(data.Brand)) throw new SetException(SetErrorCode.WrongBrand, $"unknown brand {data.Brand} at gateway");
        signed.Verify(validator, CertRole.MerchantSignature, data.Brand, "merchant");

        var pids = PIDualSigned.Decode(payload.PIDualSignedBytes);
        var pi = PIEnvelopeContent.Decode(Envelope.Open(pids.PIEnvelope, own.For(data.Brand).KeyExchange, "gateway"));
        var head = PIHead.Decode(pi.PIHeadBytes);
        var pan = PanData.Decode(pi.PanDataBytes);
        var hPI = DualSignature.H(new PIData(pi.PIHeadBytes, pi.PanDataBytes).Encode());

        var chain = CertChain.Parse(payload.CardholderChain, "cardholder", "gateway");
        var cardholder = validator.Validate(chain, CertRole.Cardholder, data.Brand, "cardholder");
        if (!DualSignature.Verify(cardholder, hPI, pi.HOIData, pids.DualSignature))
            throw new SetException(SetErrorCode.BadSignature, "dual signature invalid at gateway");
        if (!pi.HOIData.AsSpan().SequenceEqual(data.HOIData))
            throw new SetException(SetErrorCode.Mismatch, "H(OIData) in PI differs from the merchant's AuthReq at gateway");
        if (!head.Hod.AsSpan().SequenceEqual(data.Hod) || head.Amount != data.Amount || head.Currency != data.Currency)
            throw new SetException(SetErrorCode.Mismatch, "HOD or amount in PI differs from the merchant's AuthReq at gateway");
        if (!head.Xid.AsSpan().SequenceEqual(data.Xid) || head.LidM != data.LidM || head.MerchantId != data.MerchantId || head.Brand != data.Brand)
            throw new SetException(SetErrorCode.Mismatch, "XID, LID-M, merchant or brand in PI differs from AuthReq at gateway");
        var cn = cardholder.Cert.SubjectDN.GetValueList(X509Name.CN).FirstOrDefault();
        var bound = Convert.ToHexStringLower(SHA256.HashData([.. Encoding.ASCII.GetBytes(pan.Pan), .. pan.PanSecret]))[..40];
        if (cn != bound) throw new SetException(SetErrorCode.Mismatch, "PAN is not the one the cardholder certificate binds at gateway");

        var merchantKe = validator.Validate(CertChain.Parse(payload.MerchantKeyExchangeChain, "merchant key-exchange", "gateway"), CertRole.MerchantKeyExchange, data.Brand, "merchant key-exchange");
        var xidHex = Convert.ToHexStringLower(data.Xid);
        bool approved;
        string code;
        lock (gate)
        {
            if (authorizedXids.Contains(xidHex)) throw new SetException(SetErrorCode.Replay, $"second AuthReq for XID {xidHex[..8]} at gateway");
            approved = DeclineAbove is not { } limit || data.Amount <= limit;
            code = approved ? Convert.ToHexString(rng.Bytes(3)) : "";
            authorizedXids.Add(xidHex);
            if (approved) perOrder[(data.MerchantId, data.LidM)] = perOrder.GetValueOrDefault((data.MerchantId, data.LidM)) + 1;
        }
        net.Trace.Decide("gateway", approved ? TraceDecisions.Authorized : TraceDecisions.Declined, new Dictionary<string, string> { ["lid-m"] = data.LidM, ["brand"] = data.Brand },
            approved ? "dual signature, PI and AuthReq agree" : $"amount above {DeclineAbove}");
        var res = new AuthRes(data.LidM, data.Xid, data.Amount, approved, code);
        var out_ = SignedMessage.Sign(AuthRes.Kind, res.Encode(), own.For(data.Brand).Signing);
        var env = Envelope.Seal(out_.Encode(), merchantKe.Cert, rng);
        return m.Reply(AuthRes.Kind, env, new Dictionary<string, string> { ["lid-m"] = data.LidM, ["result"] = approved ? "Approved" : "Declined", ["xid"] = xidHex[..8] });
    }
}
