using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Attacks;

/// <summary>
/// INV-CUSTODY under attack (E8): a custodian releases a credential only for an order the user's wallet ran, at most
/// once per order, and the master holds no borrowed credential once its purchase ended (PRes or a failure) nor once the
/// bounded time has passed.
/// </summary>
public sealed class CustodyAttackInvariant : AttackInvariant
{
    /// <inheritdoc/>
    public override string CheckId => "PROP-INV-CUSTODY-ATTACK";
    /// <inheritdoc/>
    public override string Title => "generated attacks (E8): a credential is released only for an order the user's wallet pays, at most once, and erased within the bounded time";
    /// <inheritdoc/>
    public override IReadOnlyList<string> Requirements => ["INV-CUSTODY", "INV-SESSION-AUTH", "E8", "C10"];
    /// <inheritdoc/>
    public override IReadOnlyList<string> RequiredFor(int perEmbodiment) => perEmbodiment >= 50 ? ["release", "release-under-attack", "forged"] : ["release", "release-under-attack"];

    private static readonly AttackKind[] Withheld = [AttackKind.Drop, AttackKind.Delay, AttackKind.Reorder];
    private static readonly AttackKind[] Tampering = [AttackKind.FlipBit, AttackKind.FlipReply, AttackKind.Substitute, AttackKind.Inject];

    /// <inheritdoc/>
    protected override bool AppliesTo(EmbodimentTraits t) => t.AcquiresCredential;

    /// <inheritdoc/>
    public override string? Eval(AttackRun run, ICollection<string> classes)
    {
        if (run.Releases.Count > 0)
        {
            classes.Add("release");
            if (run.Tried.Count > 0) classes.Add("release-under-attack");
        }
        if (Fired(run, AttackKind.ForgedWakeUp)) classes.Add("forged");
        var ran = run.Purchases.Select(p => p.LidM).ToHashSet(StringComparer.Ordinal);
        if (run.Releases.FirstOrDefault(l => !ran.Contains(l)) is { } never) return $"a custodian released a credential for order {never}, which the user's wallet never ran";
        if (run.Releases.GroupBy(l => l).FirstOrDefault(g => g.Count() > 1) is { } twice) return $"a custodian released a credential {twice.Count()} times for order {twice.Key}";
        if (run.HeldAfterBound > 0) return $"the master still holds {run.HeldAfterBound} borrowed credential(s) after the bounded time";
        // Erased after PRes or a failure, whichever comes first: once every wake-up ended, a purchase it borrowed for is over,
        // unless the attacker withheld a message — dropped, delayed or reordered one, or tampered with a session message, which
        // its receiver refuses as it would a lost one: a session the client gave up on then ends only with its lifetime.
        var tamperedSession = run.Case.Attack.Events.Any(e => Tampering.Contains(e.Kind) && e.Target.StartsWith("Wallet.", StringComparison.Ordinal) && Fired(run, e.Kind));
        if (run.HeldAtEnd > 0 && run.Purchases.All(p => !p.Outcome.StartsWith("hang", StringComparison.Ordinal)) && !Withheld.Any(k => Fired(run, k)) && !tamperedSession)
            return $"the master still holds {run.HeldAtEnd} borrowed credential(s) after every purchase ended";
        return null;
    }
}
