namespace MultiWallet.Impl.Parties;

/// <summary>
/// An <see cref="IOrderLifetimes"/> given by two lifetimes: <paramref name="Pending"/> for an order offered or initiated
/// but not purchased, <paramref name="Settled"/> for a closed one (Paid, Declined, Cancelled, Reversed), kept to answer
/// inquiries and repeated requests (M3, M8). An order whose authorization may stand (Authorizing, AuthorizationUnknown,
/// Abandoned) has no lifetime: only its resolution (M4–M6) closes it, and then the settled lifetime starts.
/// </summary>
/// <param name="Pending">Lifetime of an Offered or Initiated order.</param>
/// <param name="Settled">Lifetime of a Paid, Declined, Cancelled or Reversed order.</param>
public sealed record OrderLifetimes(TimeSpan Pending, TimeSpan Settled) : IOrderLifetimes
{
    /// <summary>15 minutes pending (a wallet's session lives as long), 24 hours settled (the PC remembers an order as long).</summary>
    public static OrderLifetimes Faithful { get; } = new(TimeSpan.FromMinutes(15), TimeSpan.FromHours(24));

    /// <inheritdoc/>
    public TimeSpan? LifetimeOf(OrderState state) => state switch
    {
        OrderState.Offered or OrderState.Initiated => Pending,
        OrderState.Paid or OrderState.Declined or OrderState.Cancelled or OrderState.Reversed => Settled,
        _ => null,
    };
}
