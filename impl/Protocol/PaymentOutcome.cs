using MultiWallet.Impl.Codec;
using MultiWallet.Impl.Set;

namespace MultiWallet.Impl.Protocol;

/// <summary>
/// The outcome of one wake-up: <see cref="Paid"/> or <see cref="Refused"/>. Also the body of the
/// Wallet.Done / Wallet.Refused messages (canonical encoding), so a proxy can pass it through unchanged.
/// </summary>
public abstract record PaymentOutcome
{
    public const string Msg = "Outcome";

    public abstract byte[] Encode();

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

/// <summary>The purchase completed: <paramref name="Wallet"/> paid with <paramref name="Brand"/>; XID in hex; gateway's auth code.</summary>
public sealed record Paid(string Wallet, string Brand, string Xid, string AuthCode) : PaymentOutcome
{
    public override byte[] Encode() => new CanonWriter(Msg).Str("outcome", "Paid").Str("wallet", Wallet).Str("brand", Brand).Str("xid", Xid).Str("auth-code", AuthCode).ToBytes();

    public override string ToString() => $"Paid({Wallet}, {Brand}, xid={Xid[..8]}, auth={AuthCode})";
}

/// <summary>
/// Refused with a typed reason; <paramref name="Wallet"/> names the wallet concerned where one is
/// (BrandNotHeld, WalletUnreachable...); <paramref name="Cause"/> names the exact cause, prefixed by
/// the reason, e.g. "ProtocolError: dual signature invalid at merchant".
/// </summary>
public sealed record Refused(RefusalReason Reason, string? Wallet, string Cause) : PaymentOutcome
{
    public static Refused Because(RefusalReason reason, string? wallet, string detail) => new(reason, wallet, $"{reason}: {detail}");

    /// <summary>Maps an error reported by a SET party to the refusal the client sees.</summary>
    public static Refused From(SetError e, string? wallet) => Because(e.Code switch
    {
        SetErrorCode.Replay => RefusalReason.Replay,
        SetErrorCode.Declined => RefusalReason.Declined,
        _ => RefusalReason.ProtocolError,
    }, wallet, e.Cause);

    public override byte[] Encode()
    {
        var w = new CanonWriter(Msg).Str("outcome", "Refused").Str("reason", Reason.ToString()).Str("cause", Cause);
        if (Wallet is not null) w.Str("wallet", Wallet);
        return w.ToBytes();
    }

    public override string ToString() => $"Refused({Cause}{(Wallet is null ? "" : $" [{Wallet}]")})";
}
