namespace MultiWallet.Impl.Parties;

/// <summary>
/// The gateway's per-XID records and its count of standing authorizations per order: what a real gateway keeps
/// in its database, so it survives a restart (<see cref="PaymentGateway"/> is given one; a restarted gateway is
/// given the same). <see cref="RecordOnceAsync"/> is the check-then-act that makes the gateway idempotent: it must
/// be atomic per XID. The faithful ledger is <see cref="GatewayLedger"/>; the interface is the seam a seeded fault
/// substitutes.
/// </summary>
public interface IGatewayLedger
{
    /// <summary>
    /// The record already held for <paramref name="xid"/> (Fresh = false), or the record <paramref name="decide"/>
    /// makes, recorded now (Fresh = true). Deciding and recording happen as one step for an XID.
    /// </summary>
    Task<(GatewayRecord Record, bool Fresh)> RecordOnceAsync(string xid, Func<GatewayRecord> decide);

    /// <summary>The record held for <paramref name="xid"/>, if any.</summary>
    bool TryGet(string xid, out GatewayRecord record);

    /// <summary>Records (or replaces) the record for <paramref name="xid"/>.</summary>
    void Put(string xid, GatewayRecord record);

    /// <summary>Adds <paramref name="delta"/> to the standing authorizations of an order (merchant id, LID-M).</summary>
    void CountAuthorization(string merchantId, string lidM, int delta);

    /// <summary>Standing authorizations of an order (merchant id, LID-M).</summary>
    int Authorizations(string merchantId, string lidM);

    /// <summary>Standing authorizations of every order.</summary>
    int TotalAuthorizations { get; }

    /// <summary>Every record, in recording order.</summary>
    IReadOnlyList<GatewayRecord> Records { get; }
}
