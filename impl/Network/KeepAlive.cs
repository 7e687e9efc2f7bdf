namespace MultiWallet.Impl.Network;

/// <summary>
/// The keep-alive rule S4 (docs/DECISIONS.md, "A wallet that accepts but never answers"): a wallet still working on a
/// session request (a master waiting on a slave or a custodian) answers a repeat of it with <c>Wallet.Working</c> once the
/// repeat has waited <see cref="For"/> — half a base wait before the sender's own wait for the hop ends, so the sender
/// hears it before it gives up — and the sender sends the same request again. A sender accepts at most
/// <see cref="MaxInterim"/> such answers per request, so its whole wait stays bounded:
/// at most (<see cref="RetriedRequest.Attempts"/> − 1 + <see cref="MaxInterim"/> + 1) sends, each waiting at most the hop's
/// wait (the PC's: 3 T), i.e. 19 × 3 T = 57 T (285 s at T = 5 s) before the step ends <c>WalletUnreachable</c>.
/// </summary>
public static class KeepAlive
{
    /// <summary>Interim answers a sender accepts for one request: enough for a master whose five listed slaves all stay silent (5 × 3 × 2 T = 30 T).</summary>
    public const int MaxInterim = 16;

    /// <summary>How long a repeat waits for the first request's reply before the interim answer, given the hop's wait and the base wait.</summary>
    public static TimeSpan For(TimeSpan hopWait, TimeSpan baseTimeout) => hopWait - baseTimeout / 2;

    /// <summary>The longest wait of one request of a hop whose wait is <paramref name="hopWait"/>, interim answers included.</summary>
    public static TimeSpan Bound(TimeSpan hopWait) => hopWait * (RetriedRequest.Attempts + MaxInterim);
}
