namespace MultiWallet.Impl.Parties;

/// <summary>
/// The faithful ledger: one lock around every read and write, so deciding and recording an XID is one atomic
/// step and two copies of one AuthReq can never both authorize.
/// </summary>
public sealed class GatewayLedger : IGatewayLedger
{
    private readonly Dictionary<string, GatewayRecord> records = new(StringComparer.Ordinal);
    private readonly List<string> order = [];
    private readonly Dictionary<(string Merchant, string LidM), int> perOrder = [];
    private readonly Lock gate = new();

    /// <inheritdoc/>
    public Task<(GatewayRecord Record, bool Fresh)> RecordOnceAsync(string xid, Func<GatewayRecord> decide)
    {
        lock (gate)
        {
            if (records.TryGetValue(xid, out var known)) return Task.FromResult((known, false));
            var made = decide();
            Store(xid, made);
            return Task.FromResult((made, true));
        }
    }

    /// <inheritdoc/>
    public bool TryGet(string xid, out GatewayRecord record) { lock (gate) return records.TryGetValue(xid, out record!); }

    /// <inheritdoc/>
    public void Put(string xid, GatewayRecord record) { lock (gate) Store(xid, record); }

    private void Store(string xid, GatewayRecord record)
    {
        if (!records.ContainsKey(xid)) order.Add(xid);
        records[xid] = record;
    }

    /// <inheritdoc/>
    public void CountAuthorization(string merchantId, string lidM, int delta)
    {
        lock (gate) perOrder[(merchantId, lidM)] = perOrder.GetValueOrDefault((merchantId, lidM)) + delta;
    }

    /// <inheritdoc/>
    public int Authorizations(string merchantId, string lidM) { lock (gate) return perOrder.GetValueOrDefault((merchantId, lidM)); }

    /// <inheritdoc/>
    public int TotalAuthorizations { get { lock (gate) return perOrder.Values.Sum(); } }

    /// <inheritdoc/>
    public IReadOnlyList<GatewayRecord> Records { get { lock (gate) return order.Select(x => records[x]).ToList(); } }
}
