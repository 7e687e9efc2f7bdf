using MultiWallet.Impl.Set;

namespace MultiWallet.Checks.Attacks;

/// <summary>
/// INV-UNIFORM-FAILURE: every tampered variant of a purchase or authorization request (a bit flipped in an envelope, a
/// signature, a certificate, any field) gets the same answer, byte for byte, and leaves the same observable state, so
/// an attacker who probes learns nothing from the difference: no oracle.
/// </summary>
public sealed class UniformFailureAttackInvariant : AttackInvariant
{
    /// <inheritdoc/>
    public override string CheckId => "PROP-INV-UNIFORM-FAILURE";
    /// <inheritdoc/>
    public override string Title => "generated probes: every tampered variant of a PReq or AuthReq gets the same answer and the same observable state change";
    /// <inheritdoc/>
    public override IReadOnlyList<string> Requirements => ["INV-UNIFORM-FAILURE", "INV-BAD-INPUT"];
    /// <inheritdoc/>
    public override IReadOnlyList<string> RequiredFor(int perEmbodiment) => perEmbodiment >= 50 ? ["probe:PReq", "probe:AuthReq"] : ["probe:PReq"];

    private static readonly string[] Probed = [PReq.Kind, AuthReqPayload.Kind];

    /// <inheritdoc/>
    public override string? Eval(AttackRun run, ICollection<string> classes)
    {
        var probes = run.Case.Attack.Events.Where(e => e.Kind == AttackKind.Probe).ToList();
        for (var i = 0; i < run.Probes.Count && i < probes.Count; i++)
        {
            var answers = run.Probes[i];
            if (!Probed.Contains(probes[i].Target) || answers.Count < 2) continue;
            classes.Add("probe:" + probes[i].Target);
            var distinct = answers.GroupBy(a => (a.Digest, a.State)).ToList();
            if (distinct.Count > 1)
                return $"{probes[i].Target} variants got {distinct.Count} different answers: " +
                       string.Join(" | ", distinct.Select(g => $"{string.Join(",", g.Select(a => a.Variant))} -> {g.First().Answer}"));
        }
        return null;
    }
}
