using MultiWallet.Impl.Codec;

namespace MultiWallet.Impl.Protocol;

/// <summary>
/// The outcome of one wake-up: <see cref="Paid"/> or <see cref="Refused"/>. Also the body of the
/// Wallet.Done / Wallet.Refused messages (canonical encoding), so a proxy can pass it through unchanged.
/// </summary>
public abstract record PaymentOutcome
{
    /// <summary>The canonical "msg" tag of an outcome.</summary>
    public const string Msg = "Outcome";

    /// <summary>The canonical bytes of this message.</summary>
    public abstract byte[] Encode();

    /// <summary>Parses canonical bytes strictly; any defect is a typed Malformed error.</summary>
    public static PaymentOutcome Decode(byte[] b) => CanonReader.Decode<PaymentOutcome>(b, Msg, r =>
    {
        var kind = r.Str("outcome");
        if (kind == "Paid") return new Paid(r.Str("wallet"), r.Str("brand"), r.Str("xid"), r.Str("auth-code"));
        if (kind != "Refused") throw new SetException(SetErrorCode.Malformed, $"Outcome: unknown outcome {kind}");
        var reason = r.Str("reason");
        return new Refused(Enum.TryParse<RefusalReason>(reason, out var rr) ? rr : throw new SetException(SetErrorCode.Malformed, $"Outcome: unknown reason {reason}"),
            r.Has("wallet") ? r.Str("wallet") : null, r.Str("cause"));
    }, o => o.Encode());
}
