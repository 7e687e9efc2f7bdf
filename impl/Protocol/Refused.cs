using MultiWallet.Impl.Codec;

namespace MultiWallet.Impl.Protocol;

/// <summary>
/// Refused with a typed reason; <paramref name="Wallet"/> names the wallet concerned where one is
/// (BrandNotHeld, WalletUnreachable...); <paramref name="Cause"/> names the exact cause, prefixed by
/// the reason, e.g. "ProtocolError: dual signature invalid at merchant".
/// </summary>
public sealed record Refused(RefusalReason Reason, string? Wallet, string Cause) : PaymentOutcome
{
    /// <summary>A refusal whose cause is "<paramref name="reason"/>: <paramref name="detail"/>".</summary>
    public static Refused Because(RefusalReason reason, string? wallet, string detail) => new(reason, wallet, $"{reason}: {detail}");

    /// <summary>Maps an error reported by a SET party to the refusal the client sees.</summary>
    public static Refused From(SetError e, string? wallet) => Because(e.Code switch
    {
        SetErrorCode.Replay => RefusalReason.Replay,
        SetErrorCode.Declined => RefusalReason.Declined,
        _ => RefusalReason.ProtocolError,
    }, wallet, e.Cause);

    /// <inheritdoc/>
    public override byte[] Encode()
    {
        var w = new CanonWriter(Msg).Str("outcome", "Refused").Str("reason", Reason.ToString()).Str("cause", Cause);
        if (Wallet is not null) w.Str("wallet", Wallet);
        return w.ToBytes();
    }

    /// <summary>Short form for traces: the cause and the wallet.</summary>
    public override string ToString() => $"Refused({Cause}{(Wallet is null ? "" : $" [{Wallet}]")})";
}
