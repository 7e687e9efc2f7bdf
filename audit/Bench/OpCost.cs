namespace MultiWallet.Audit.Bench;

/// <summary>One primitive's CPU cost per call over the rounds, and how many times one purchase performed it (counted, not assumed).</summary>
/// <param name="Operation">What was measured.</param>
/// <param name="Ms">CPU milliseconds per call: median and range over the rounds.</param>
/// <param name="PerPurchase">Calls per purchase, from the crypto counters (0 for a path kept only for comparison).</param>
public sealed record OpCost(string Operation, Spread Ms, double PerPurchase)
{
    /// <summary>Cost of this operation in one purchase (median cost × calls).</summary>
    public double FloorMs => Ms.Median * PerPurchase;
}
