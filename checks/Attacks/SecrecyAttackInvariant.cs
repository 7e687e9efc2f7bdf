namespace MultiWallet.Checks.Attacks;

/// <summary>
/// INV-SECRECY: PAN, PANSecret, CardSecret and credential private keys never enter the attacker's closed knowledge,
/// unless its position is a party entitled to them (the wallet itself; in E8 the master that borrows them).
/// </summary>
public sealed class SecrecyAttackInvariant : AttackInvariant
{
    /// <inheritdoc/>
    public override string CheckId => "PROP-INV-SECRECY";
    /// <inheritdoc/>
    public override string Title => "generated attacks: card data and credential keys never enter an attacker's knowledge (what it saw, closed under every decoding and decryption its keys allow) unless it is entitled to them";
    /// <inheritdoc/>
    public override IReadOnlyList<string> Requirements => ["INV-SECRECY", "INV-CUSTODY"];
    /// <inheritdoc/>
    public override IReadOnlyList<string> RequiredFor(int perEmbodiment) => ["observer", "holds-keys", "learned"];

    /// <inheritdoc/>
    public override string? Eval(AttackRun run, ICollection<string> classes)
    {
        classes.Add(run.Case.Attack.Position is AttackPosition.Merchant or AttackPosition.Master or AttackPosition.Slave ? "holds-keys" : "observer");
        if (run.Known > 0) classes.Add("learned");
        return run.Leaks.Count == 0 ? null : $"the attacker at {Positions.Id(run.Case.Attack.Position)} knows {string.Join(", ", run.Leaks)}";
    }
}
