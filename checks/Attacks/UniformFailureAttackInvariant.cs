using MultiWallet.Impl.Set;

namespace MultiWallet.Checks.Attacks;

/// <summary>
/// INV-UNIFORM-FAILURE: every tampered variant of a purchase or authorization request (a bit flipped in an envelope, a
/// signature, a certificate, any field) gets the same answer, byte for byte, and leaves the same observable state, so
/// an attacker who probes learns nothing from the difference: no oracle. Variants are compared where they met the same
/// state: in one run, those sent while the state stood still; and in isolated runs, each variant sent alone.
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
    public override IReadOnlyList<string> RequiredFor(int perEmbodiment) => perEmbodiment >= 50 ? ["isolated:PReq", "isolated:AuthReq", "probe:PReq"] : ["isolated:PReq"];

    private static readonly string[] Probed = [PReq.Kind, AuthReqPayload.Kind];

    /// <inheritdoc/>
    public override string? Eval(AttackRun run, ICollection<string> classes)
    {
        var probes = run.Case.Attack.Events.Where(e => e.Kind == AttackKind.Probe).ToList();
        for (var i = 0; i < probes.Count; i++)
        {
            if (!Probed.Contains(probes[i].Target)) continue;
            if (WithholdsWhatAnswers(run, probes[i].Target))
            {
                classes.Add("probe answered by the attacker's own withholding");
                continue;
            }
            // In one run: variants that met the same state get the same answer and leave the same state.
            if (i < run.Probes.Count && Differ(run.Probes[i].GroupBy(a => (a.Before, a.Path)), a => (a.Digest, a.State), classes, "probe:" + probes[i].Target) is { } inRun)
                return $"{probes[i].Target} variants that met the same state got {inRun}";
            // Across isolated runs (each variant sent alone; an earlier probe's own variant may have changed what a later
            // probe meets, so variants are compared where they met the same state): one answer, and one state change per field
            // flipped (whether the merchant or the gateway catches a change depends on which field it is in, which the
            // attacker chose: docs/DECISIONS.md "Envelopes, failures and bindings").
            if (i < run.IsolatedProbes.Count)
            {
                var iso = run.IsolatedProbes[i];
                if (Differ(iso.GroupBy(a => a.Before), a => a.Digest, classes, "isolated:" + probes[i].Target) is { } answers)
                    return $"{probes[i].Target} variants sent each from the same state got {answers}";
                if (Differ(iso.GroupBy(a => (a.Path, a.Before)), a => a.State, classes, null) is { } states)
                    return $"{probes[i].Target} variants of one field, sent each from the same state, left {states}";
            }
        }
        return null;
    }

    /// <summary>
    /// The requests the answer to a probed request waits for: the probed one itself (a delay holds its answer) and, for a
    /// PReq, the merchant's AuthReq. An attacker who also withholds one of them (drop, delay, reorder) makes the variants
    /// the merchant forwards end "authorization unknown" and those it refuses itself end refused: the difference is the
    /// attacker's own doing on a link it holds, and says only which checks the merchant makes, which the protocol publishes
    /// (docs/DECISIONS.md, "Envelopes, failures and bindings"). Found at seed 1, E8, a merchant probing PReqs and dropping
    /// its AuthReq.
    /// </summary>
    private static bool WithholdsWhatAnswers(AttackRun run, string probed)
    {
        string[] awaited = probed == PReq.Kind ? [PReq.Kind, AuthReqPayload.Kind] : [probed];
        return run.Case.Attack.Events.Any(e => Withholding.Contains(e.Kind) && awaited.Contains(e.Target) && Fired(run, e.Kind));
    }

    private static readonly AttackKind[] Withholding = [AttackKind.Drop, AttackKind.Delay, AttackKind.Reorder];

    /// <summary>The first group whose answers differ by <paramref name="key"/>, described; classes the groups of two or more.</summary>
    private static string? Differ<TGroup, TKey>(IEnumerable<IGrouping<TGroup, ProbeAnswer>> groups, Func<ProbeAnswer, TKey> key, ICollection<string> classes, string? label)
    {
        foreach (var g in groups)
        {
            if (g.Count() < 2) continue;
            if (label is not null) classes.Add(label);
            var distinct = g.GroupBy(key).ToList();
            if (distinct.Count > 1)
                return $"{distinct.Count} different outcomes: " + string.Join(" | ", distinct.Select(d => $"{string.Join(",", d.Select(a => a.Variant))} -> {d.First().Answer} [{d.First().State}]"));
        }
        return null;
    }
}
