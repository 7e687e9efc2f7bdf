using MultiWallet.Impl.Codec;
using MultiWallet.Impl.Crypto;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.Set;
using Org.BouncyCastle.Security;

namespace MultiWallet.Impl.Server;

/// <summary>
/// The cardholder side of one SET purchase, given a brand credential at construction. It is a pure
/// step machine (Start → PInitReq; PInitRes → PReq; PRes → outcome) that never touches the network, so
/// whoever holds a credential can run it: a server wallet for its own credentials, or (E8) a master
/// wallet for a credential it acquired. It verifies that the order's merchant signed PInitRes, PRes and InqRes (a merchant
/// signature certificate of the order's brand naming the wake-up's merchant id), the Chall-C echo, LID-C/LID-M, the RRPID it
/// chose in PInitReq (echoed in PInitRes and PRes, carried in the PReq and inside the dual-signed OIData), the XID of PRes,
/// and the gateway key-exchange certificate (brand, role, thumbprint) it seals the PI to; it builds OIData/PI, the dual
/// signature and the PI envelope.
/// When the merchant's answer to the PReq is lost (<see cref="WalletProtocol.NoAnswer"/>) or says "order
/// received" (authorization not yet known), it inquires (InqReq, at most <see cref="MaxInquiries"/> times) and
/// reports what the merchant's signed InqRes says: the recorded PRes (Paid/Declined), or the order's closure.
/// </summary>
public sealed class CardholderPurchase
{
    private enum Phase { New, AwaitPInitRes, AwaitPRes, AwaitInqRes, Recovered, Over }

    /// <summary>Inquiries a wallet sends before it reports the outcome as unknown.</summary>
    public const int MaxInquiries = 3;

    private readonly CardholderCredential? cred;
    private readonly string wallet;
    private readonly ChainValidator validator;
    private readonly SecureRandom rng;
    private readonly TraceLog trace;
    private readonly string actor;
    private Phase phase = Phase.New;
    private WakeUp? order;
    private PInitReq? init;
    private PInitRes? initRes;
    private InqReq? inquiry;
    private int inquiries;
    private readonly int maxInquiries;
    private readonly IGatewayKeyCheck gatewayKeys = GatewayKeyCheck.Faithful;

    /// <summary>
    /// A purchase with <paramref name="credential"/>, checking the merchant with <paramref name="validator"/>, recording as
    /// <paramref name="actor"/>, inquiring at most <paramref name="maxInquiries"/> times (default <see cref="MaxInquiries"/>), checking the
    /// gateway key-exchange certificate it seals the PI to with <paramref name="gatewayKeys"/> (default <see cref="GatewayKeyCheck.Faithful"/>).
    /// </summary>
    public CardholderPurchase(CardholderCredential credential, ChainValidator validator, SecureRandom rng, TraceLog trace, string actor, int maxInquiries = MaxInquiries,
        IGatewayKeyCheck? gatewayKeys = null)
    {
        this.gatewayKeys = gatewayKeys ?? GatewayKeyCheck.Faithful;
        cred = credential; wallet = credential.Wallet; this.validator = validator; this.rng = rng; this.trace = trace; this.actor = actor; this.maxInquiries = maxInquiries;
    }

    private CardholderPurchase(PurchaseLog log, ChainValidator validator, SecureRandom rng, TraceLog trace, string actor, int maxInquiries)
    {
        wallet = log.Wallet; this.validator = validator; this.rng = rng; this.trace = trace; this.actor = actor; this.maxInquiries = maxInquiries;
        order = log.Order; init = log.Init; initRes = log.InitRes; inquiries = log.Inquiries; Acquired = log.Acquired;
        phase = Phase.Recovered;
    }

    /// <summary>
    /// A purchase read back from the transaction log after a restart. It holds no credential and cannot sign: whatever is
    /// delivered to it next (the answer to the PReq the crashed wallet sent, or a lost answer) it answers with an inquiry,
    /// as a wallet that does not know what its PReq did (W2), and reports what the merchant's InqRes says.
    /// </summary>
    public static CardholderPurchase Recover(PurchaseLog log, ChainValidator validator, SecureRandom rng, TraceLog trace, string actor, int maxInquiries = MaxInquiries) =>
        new(log, validator, rng, trace, actor, maxInquiries);

    /// <summary>The wallet the credential belongs to.</summary>
    public string Wallet => wallet;

    /// <summary>E8: read back from a log of a purchase paid with an acquired credential (the restart erased it).</summary>
    public bool Acquired { get; }

    /// <summary>
    /// The transaction log entry a wallet persists, once the PReq was built (the purchase may have authorized from then on),
    /// until the purchase finishes; null before that and after.
    /// </summary>
    public PurchaseLog? Log(bool acquired = false) => phase is Phase.AwaitPRes or Phase.AwaitInqRes or Phase.Recovered && order is not null && init is not null && initRes is not null
        ? new PurchaseLog(order, init, initRes, wallet, inquiries, acquired || Acquired)
        : null;

    /// <summary>Starts the purchase for the wake-up: a PInitReq, or BrandNotHeld when the credential is of another brand.</summary>
    public PurchaseStep Start(WakeUp wakeUp)
    {
        if (phase != Phase.New) throw new InvalidOperationException("session already started");
        if (cred is null) throw new InvalidOperationException("a recovered purchase cannot start");
        if (wakeUp.Brand != cred.Brand) return End(Refused.Because(RefusalReason.BrandNotHeld, Wallet, $"{Wallet} holds no {wakeUp.Brand} credential"));
        order = wakeUp;
        init = new PInitReq(rng.Bytes(20), $"LIDC-{Convert.ToHexStringLower(rng.Bytes(4))}", wakeUp.LidM, wakeUp.MerchantId, rng.Bytes(20), wakeUp.Brand, []);
        phase = Phase.AwaitPInitRes;
        return new SendToMerchant(PInitReq.Kind, init.Encode(), Fields());
    }

    /// <summary>Handles the merchant's reply (<paramref name="kind"/> as received) and returns the next step.</summary>
    public PurchaseStep Deliver(string kind, byte[] body)
    {
        try
        {
            // Restarted: the crashed instance knew what it sent, not what came of it; ask the merchant.
            if (phase == Phase.Recovered) return Inquire($"wallet restarted after {PReq.Kind}; {kind} delivered to the restarted wallet");
            if (kind == ErrorMessage.Kind) return End(Refused.From(ErrorMessage.Decode(body), Wallet));
            return (phase, kind) switch
            {
                (Phase.AwaitPInitRes, WalletProtocol.NoAnswer) => End(Refused.Because(RefusalReason.ProtocolError, Wallet, $"merchant {Failure(body)} during {PInitReq.Kind}")),
                (Phase.AwaitPRes or Phase.AwaitInqRes, WalletProtocol.NoAnswer) => Inquire($"merchant {Failure(body)} during {(phase == Phase.AwaitPRes ? PReq.Kind : InqReq.Kind)}"),
                (Phase.AwaitPInitRes, PInitRes.Kind) => OnPInitRes(body),
                (Phase.AwaitPRes, PRes.Kind) => OnPRes(body),
                (Phase.AwaitInqRes, InqRes.Kind) => OnInqRes(body),
                _ => throw new SetException(SetErrorCode.Malformed, $"unexpected {kind} in phase {phase} at wallet"),
            };
        }
        catch (SetException ex)
        {
            var error = ex.Error.At(actor);
            trace.Decide(actor, TraceDecisions.Reject, new Dictionary<string, string> { ["kind"] = kind, ["code"] = error.Code.ToString() }, error.Cause);
            return End(Refused.From(error, Wallet));
        }
    }

    private Finished End(Refused r) { phase = Phase.Over; return new Finished(r); }

    private static string Failure(byte[] body) => body.Length is > 0 and <= 32 && body.All(b => char.IsAsciiLetter((char)b)) ? System.Text.Encoding.ASCII.GetString(body) : "failure";

    /// <summary>Asks the merchant for the transaction's outcome (fresh RRPID and Chall-C), or gives up after <see cref="MaxInquiries"/>.</summary>
    private PurchaseStep Inquire(string why)
    {
        if (inquiries >= maxInquiries)
            return End(Refused.Because(RefusalReason.ProtocolError, Wallet, $"outcome unknown after {inquiries} inquiries ({why})"));
        inquiries++;
        var w = order!;
        inquiry = new InqReq(rng.Bytes(20), init!.LidC, w.LidM, w.MerchantId, initRes!.Xid, rng.Bytes(20));
        phase = Phase.AwaitInqRes;
        var f = Fields();
        f["xid"] = Convert.ToHexStringLower(initRes.Xid)[..8];
        f["why"] = why;
        return new SendToMerchant(InqReq.Kind, inquiry.Encode(), f);
    }

    private PurchaseStep OnInqRes(byte[] body)
    {
        var w = order!;
        var res = InqRes.Decode(VerifyMerchant(body, InqRes.Kind));
        if (!res.Xid.AsSpan().SequenceEqual(initRes!.Xid) || !res.ChallC.AsSpan().SequenceEqual(inquiry!.ChallC) || !res.Rrpid.AsSpan().SequenceEqual(inquiry.Rrpid)
            || res.LidM != w.LidM || res.LidC != init!.LidC)
            throw new SetException(SetErrorCode.Mismatch, "XID, inquiry challenge, RRPID or LIDs differ in InqRes at wallet");
        return res.Status switch
        {
            InquiryStatus.Paid or InquiryStatus.Declined => OnPRes(res.RecordedPRes[0], fromInquiry: true),
            InquiryStatus.Pending => Inquire("merchant: authorization pending"),
            _ => End(Refused.Because(RefusalReason.ProtocolError, Wallet, $"order cancelled by merchant: {res.Cause}")),
        };
    }

    private Dictionary<string, string> Fields() => new()
    {
        ["lid-m"] = order!.LidM,
        ["brand"] = order.Brand,
        ["amount"] = $"{order.Amount} {order.Currency}",
    };

    /// <summary>
    /// The content of a message the order's merchant signed: the chain is a merchant signature certificate of the order's
    /// brand, it names the wake-up's merchant id (<see cref="MerchantIdentity"/>: another merchant cannot answer for this
    /// order), and the signature verifies.
    /// </summary>
    private byte[] VerifyMerchant(byte[] body, string kind)
    {
        var w = order!;
        var signed = SignedMessage.Decode(body, kind);
        var merchant = signed.Verify(validator, CertRole.MerchantSignature, w.Brand, "merchant");
        MerchantIdentity.Require(merchant, w.MerchantId, $"{kind} signer", "wallet");
        return signed.Content;
    }

    private PurchaseStep OnPInitRes(byte[] body)
    {
        var c = cred ?? throw new InvalidOperationException("a recovered purchase cannot sign");
        var w = order!;
        var res = PInitRes.Decode(VerifyMerchant(body, PInitRes.Kind));
        if (!res.ChallC.AsSpan().SequenceEqual(init!.ChallC)) throw new SetException(SetErrorCode.Mismatch, "Chall-C not echoed in PInitRes at wallet");
        if (res.LidM != w.LidM || res.LidC != init.LidC || !res.Rrpid.AsSpan().SequenceEqual(init.Rrpid))
            throw new SetException(SetErrorCode.Mismatch, "LID-M, LID-C or RRPID differ in PInitRes at wallet");
        var gwChain = CertChain.Parse(res.GatewayChain, "gateway key-exchange", actor);
        var gw = gatewayKeys.Check(validator, gwChain, w.Brand);
        if (gw.Thumbprint != res.GatewayThumbprint) throw new SetException(SetErrorCode.Mismatch, "gateway thumbprint does not match its certificate at wallet");
        initRes = res;

        var odSalt = rng.Bytes(20);
        var hod = DualSignature.Hod(odSalt, w.OrderDesc, w.Amount, w.Currency);
        var oi = new OIData(w.LidM, res.Xid, init.Rrpid, init.ChallC, hod, res.ChallM, odSalt, w.Brand).Encode();
        var head = new PIHead(w.LidM, res.Xid, hod, w.Amount, w.Currency, w.MerchantId, DualSignature.HXidCardSecret(res.Xid, c.Account.CardSecret), w.Brand).Encode();
        var pan = new PanData(c.Account.Pan, c.Account.PanSecret, rng.Bytes(20)).Encode();
        var hPI = DualSignature.H(new PIData(head, pan).Encode());
        var hOI = DualSignature.H(oi);
        var dual = DualSignature.Sign(c.Signing.Key, hPI, hOI);
        var env = Envelope.Seal(new PIEnvelopeContent(head, hOI, pan).Encode(), gw.Cert, rng);
        var preq = new PReq(init.Rrpid, new PIDualSigned(dual, env).Encode(), oi, hPI, c.Signing.Chain.Der);
        phase = Phase.AwaitPRes;
        var f = Fields();
        f["xid"] = Convert.ToHexStringLower(res.Xid)[..8];
        return new SendToMerchant(PReq.Kind, preq.Encode(), f);
    }

    private PurchaseStep OnPRes(byte[] body, bool fromInquiry = false)
    {
        var w = order!;
        var res = PRes.Decode(VerifyMerchant(body, PRes.Kind));
        if (!res.Xid.AsSpan().SequenceEqual(initRes!.Xid) || !res.ChallC.AsSpan().SequenceEqual(init!.ChallC) || !res.Rrpid.AsSpan().SequenceEqual(init.Rrpid)
            || res.LidM != w.LidM || res.LidC != init.LidC)
            throw new SetException(SetErrorCode.Mismatch, "XID, Chall-C, RRPID or LIDs differ in PRes at wallet");
        if (res.Pending)
        {
            if (fromInquiry) throw new SetException(SetErrorCode.Malformed, "a recorded PRes cannot be pending at wallet");
            return Inquire("merchant: order received, authorization unknown");
        }
        phase = Phase.Over;
        return new Finished(res.Authorized
            ? new Paid(Wallet, w.Brand, Convert.ToHexStringLower(res.Xid), res.AuthCode)
            : Refused.Because(RefusalReason.Declined, Wallet, "authorization declined by gateway"));
    }
}
