namespace MultiWallet.Audit.Bench;

/// <summary>Per-operation cost in milliseconds and how many times one purchase performs it.</summary>
public sealed record OpCost(string Operation, double Ms, int PerPurchase)
{
    /// <summary>Cost of this operation in one purchase.</summary>
    public double FloorMs => Ms * PerPurchase;
}
