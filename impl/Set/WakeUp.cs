using System.Text.RegularExpressions;
using MultiWallet.Impl.Codec;

namespace MultiWallet.Impl.Set;

/// <summary>
/// The SET initiation ("wake-up", application/set-payment-initiation) the merchant POS sends to the user PC.
/// Its field list is not public; per DECISIONS.md it carries the order id (merchant, LID-M), the order
/// description, the amount in minor units (&gt; 0), the currency (3 letters) and the brand to pay with.
/// Decoding checks shape only; whether the brand is known is the WUM's check (UnknownBrand vs Malformed).
/// </summary>
public sealed partial record WakeUp(string MerchantId, string LidM, string OrderDesc, long Amount, string Currency, string Brand)
{
    /// <summary>The canonical "msg" tag of this part.</summary>
    public const string Msg = "WakeUp";

    /// <summary>The canonical bytes of this message.</summary>
    public byte[] Encode() => new CanonWriter(Msg).Str("merchant", MerchantId).Str("lid-m", LidM).Str("desc", OrderDesc)
        .Long("amount", Amount).Str("currency", Currency).Str("brand", Brand).ToBytes();

    /// <summary>Parses canonical bytes strictly; any defect is a typed Malformed error.</summary>
    public static WakeUp Decode(byte[] b) => CanonReader.Decode(b, Msg, r =>
    {
        var w = new WakeUp(r.Str("merchant"), r.Str("lid-m"), r.Str("desc"), r.Long("amount"), r.Str("currency"), r.Str("brand"));
        if (w.Amount <= 0) throw new SetException(SetErrorCode.Malformed, "WakeUp: field amount must be > 0");
        if (!Currency3().IsMatch(w.Currency)) throw new SetException(SetErrorCode.Malformed, "WakeUp: field currency must be 3 capital letters");
        return w;
    }, w => w.Encode());

    /// <summary>The order id: DECISIONS.md identifies an order by (merchant id, LID-M).</summary>
    public (string Merchant, string LidM) OrderId => (MerchantId, LidM);

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex Currency3();
}
