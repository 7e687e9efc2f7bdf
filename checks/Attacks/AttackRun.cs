using MultiWallet.Impl.Parties;

namespace MultiWallet.Checks.Attacks;

/// <summary>
/// One executed case of the attacker campaign: what the user's wake-ups got, what the merchant, the gateway and the
/// custodians hold afterwards, what the attacker tried, sent, got back and knows. The properties judge only this.
/// </summary>
public sealed record AttackRun(AttackedScenario Case)
{
    /// <summary>Why the run could not be executed (an exception of the harness), or null.</summary>
    public string? Crash { get; init; }
    /// <summary>Why the run is excluded from judgement (a wall-clock limit over HTTP), or null.</summary>
    public string? Inconclusive { get; init; }
    /// <summary>The user's wake-ups, in order.</summary>
    public IReadOnlyList<UserPurchase> Purchases { get; init; } = [];
    /// <summary>The same wake-ups' outcomes without the attack (computed for session attacks only), else null.</summary>
    public IReadOnlyList<string>? Baseline { get; init; }
    /// <summary>The gateway's records of authorizations that stand.</summary>
    public IReadOnlyList<GatewayRecord> Authorizations { get; init; } = [];
    /// <summary>Authorizations the gateway counted per order (by <see cref="Bridge.ImplBuilder.Key(string, string)"/>).</summary>
    public IReadOnlyDictionary<string, int> AuthorizationsPerOrder { get; init; } = new Dictionary<string, int>();
    /// <summary>Every merchant's orders after the run, by <see cref="Bridge.ImplBuilder.Key(string, string)"/>.</summary>
    public IReadOnlyDictionary<string, MerchantOrder> Orders { get; init; } = new Dictionary<string, MerchantOrder>();
    /// <summary>The order (LID-M) of every credential a custodian released, in order (E8).</summary>
    public IReadOnlyList<string> Releases { get; init; } = [];
    /// <summary>Credentials the master held once the user's last wake-up had ended, before any time passed (E8).</summary>
    public int HeldAtEnd { get; init; }
    /// <summary>Credentials the master still held once its bounded time had passed (E8).</summary>
    public int HeldAfterBound { get; init; }
    /// <summary>Secrets (labels) that entered the attacker's knowledge though its position is not entitled to them.</summary>
    public IReadOnlyList<string> Leaks { get; init; } = [];
    /// <summary>How many byte strings the attacker knew after the closure.</summary>
    public int Known { get; init; }
    /// <summary>Attack events that fired, by kind.</summary>
    public IReadOnlyDictionary<string, int> Tried { get; init; } = new Dictionary<string, int>();
    /// <summary>Every probe's answers.</summary>
    public IReadOnlyList<IReadOnlyList<ProbeAnswer>> Probes { get; init; } = [];
    /// <summary>
    /// Every probe's answers from isolated runs: the same scenario replayed once per variant (at most
    /// <see cref="AttackRunner.IsolatedVariants"/>), each sending that variant alone, so every variant meets the same state.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<ProbeAnswer>> IsolatedProbes { get; init; } = [];
    /// <summary>The attacker's own wallet-protocol requests and their answers.</summary>
    public IReadOnlyList<SessionAttempt> Sessions { get; init; } = [];
}
