namespace MultiWallet.Impl.Parties;

/// <summary>An <see cref="IOrderResolution"/> given by its two decisions.</summary>
/// <param name="ReopensUnknown">Whether an order with an unknown authorization goes back to Initiated.</param>
/// <param name="ResolvesBeforeAnswering">Whether an inquiry resolves such an order with the gateway before answering.</param>
public sealed record OrderResolution(bool ReopensUnknown, bool ResolvesBeforeAnswering) : IOrderResolution
{
    /// <summary>M1 and M3: never re-open, always resolve before answering.</summary>
    public static OrderResolution Faithful { get; } = new(false, true);
}
