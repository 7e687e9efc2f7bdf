using MultiWallet.Impl.Protocol;

namespace MultiWallet.Checks.Attacks;

/// <summary>
/// INV-SESSION-AUTH: a session the attacker raced, guessed, hijacked or forged produces no SET message (its requests
/// are answered by no Forward and no Done), and when only session events fired, the user's outcomes are those of the
/// same scenario without the attack.
/// </summary>
public sealed class SessionAuthAttackInvariant : AttackInvariant
{
    /// <inheritdoc/>
    public override string CheckId => "PROP-INV-SESSION-AUTH";
    /// <inheritdoc/>
    public override string Title => "generated attacks: only the authenticated client starts or continues its wallet session; raced, guessed, hijacked or forged sessions produce no SET message and leave the user's outcomes as without the attack";
    /// <inheritdoc/>
    public override IReadOnlyList<string> Requirements => ["INV-SESSION-AUTH", "INV-ONCE"];
    /// <inheritdoc/>
    public override IReadOnlyList<string> RequiredFor(int perEmbodiment) => ["session:SessionRace", "session:SessionHijack", "session:ForgedWakeUp", "session:foreign"];

    private static readonly string[] Sessions = [nameof(AttackKind.SessionRace), nameof(AttackKind.SessionHijack), nameof(AttackKind.ForgedWakeUp)];

    /// <inheritdoc/>
    public override string? Eval(AttackRun run, ICollection<string> classes)
    {
        foreach (var s in run.Sessions)
        {
            classes.Add("session:" + s.Kind);
            // A byte-for-byte copy of the user's own request is the user's session (S1: one step, the recorded reply);
            // what the property is about is a request the user's client never sent.
            if (s.Copy) { classes.Add("session:copy"); continue; }
            classes.Add("session:foreign");
            if (s.Answer is WalletProtocol.Forward or WalletProtocol.Done)
                return $"the attacker's {s.Request} (session {s.Session}, {s.Kind}) to {s.To} was answered {s.Answer}: a session the user did not open went on";
        }
        if (run.Baseline is not { } baseline || !run.Tried.Keys.All(Sessions.Contains)) return null;
        var got = run.Purchases.Select(p => p.Outcome).ToList();
        for (var i = 0; i < got.Count && i < baseline.Count; i++)
            if (got[i] != baseline[i]) return $"the user's wake-up {run.Purchases[i].LidM} ended {got[i]} under the attack, {baseline[i]} without it";
        return null;
    }
}
