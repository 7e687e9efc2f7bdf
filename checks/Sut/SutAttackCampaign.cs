using MultiWallet.Checks.Attacks;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Sut;

/// <summary>
/// The attacker against a system under test: the in-process attacker campaign's scenarios (same generator and seed),
/// played with the SUT in its role and the adversary on our side's wire, judged by the five attack properties. Our
/// adversary sits in our parties' senders, so only positions whose traffic one of ours sends can act (docs/THREATS.md):
/// with the SUT as master, N-PC, N-MERCHANT, N-GATEWAY, LOCAL and MERCHANT (not N-SLAVE, which the SUT sends on, nor SSW,
/// whose traffic the master starts, nor MSW, the SUT itself); with the SUT as slaves, every position but SSW (the
/// compromised slave is inside the SUT); with the SUT as the PC, N-GATEWAY and MERCHANT (the PC sends on N-PC and
/// N-MERCHANT, and a local process would live inside it). Events that act by waiting out a hop's bound (drop, delay, reorder) are tried
/// in memory only, as for every HTTP attacker run: over HTTP the wait is the wall clock's.
/// </summary>
public static class SutAttackCampaign
{
    /// <summary>Attack events that act by waiting out a hop's bounded time.</summary>
    private static readonly AttackKind[] Waiting = [AttackKind.Drop, AttackKind.Delay, AttackKind.Reorder];

    /// <summary>The positions an attacker can play with <paramref name="target"/>'s roles played by a SUT.</summary>
    public static IReadOnlyList<AttackPosition> Playable(SutTarget target) =>
        target.PlaysMaster ? [AttackPosition.NetworkPc, AttackPosition.NetworkMerchant, AttackPosition.NetworkGateway, AttackPosition.Local, AttackPosition.Merchant]
        : target.PlaysSlaves ? [.. Enum.GetValues<AttackPosition>().Where(p => p != AttackPosition.Slave)]
        // The PC sends on N-PC and N-MERCHANT and is LOCAL's host; what is left is the merchant and its gateway link.
        : [AttackPosition.NetworkGateway, AttackPosition.Merchant];

    /// <summary>
    /// Attacked cases run per embodiment for a budget of <paramref name="perEmbodiment"/> honest cases: a quarter, and at
    /// least one per playable position.
    /// </summary>
    public static int Budget(SutTarget target, int perEmbodiment) => Math.Max(Playable(target).Count, perEmbodiment / 4);

    /// <summary>Why an attacked case cannot be played against the SUT, or null when it can.</summary>
    public static string? NotRunnable(AttackedScenario c, SutTarget target)
    {
        if (!Playable(target).Contains(c.Attack.Position)) return $"attacker {Positions.Id(c.Attack.Position)}: the position is inside the SUT or on a link only the SUT sends on";
        if (c.Attack.Events.FirstOrDefault(e => Waiting.Contains(e.Kind)) is { } w) return $"{w}: acts by waiting out a hop's bound (tried in memory only)";
        return SutSession.NotRunnable(c.Scenario.Steps, target);
    }

    /// <summary>
    /// The cases of <paramref name="e"/> played against the SUT, among its first <see cref="Pool"/> generated attacked
    /// scenarios: first the earliest runnable one of each playable position (so a local process's session attacks are
    /// never left to chance), then the earliest others, up to <see cref="Budget"/>; run in generation order, each heard
    /// by <paramref name="progress"/>. A position with no runnable case in the pool is missing from the result.
    /// </summary>
    public static IReadOnlyList<SutAttackResult> Run(SutClient client, Embodiment e, int seed, int perEmbodiment, Action<SutAttackResult>? progress = null)
    {
        var budget = Budget(client.Target, perEmbodiment);
        var pool = Pool(client.Target, perEmbodiment);
        // Two passes over the generated stream, holding indices only: which cases to play, then those cases.
        var runnable = AttackCampaign.Stream(e, seed).Take(pool).Select((c, i) => (c.Attack.Position, Index: i, Runnable: NotRunnable(c, client.Target) is null))
            .Where(x => x.Runnable).Select(x => (x.Position, x.Index)).ToList();
        var chosen = runnable.GroupBy(x => x.Position).Select(g => g.First().Index).ToHashSet();
        foreach (var (_, i) in runnable.Where(_ => chosen.Count < budget)) chosen.Add(i);
        var results = new List<SutAttackResult>();
        foreach (var (c, i) in AttackCampaign.Stream(e, seed).Take(pool).Select((c, i) => (c, i)).Where(x => chosen.Contains(x.i)))
        {
            var r = Judge(client, c, i, seed);
            results.Add(r);
            progress?.Invoke(r);
        }
        return results;
    }

    /// <summary>Generated attacked scenarios looked at per embodiment: eight times the budget.</summary>
    public static int Pool(SutTarget target, int perEmbodiment) => Budget(target, perEmbodiment) * 8;

    /// <summary>Plays one attacked case against the SUT and judges it with every attack property that applies.</summary>
    public static SutAttackResult Judge(SutClient client, AttackedScenario c, int index, int seed)
    {
        if (NotRunnable(c, client.Target) is { } why) return new(index, c, SutCaseStatus.NotRun, null, why);
        AttackRun run;
        try { run = AttackRunner.Run(c, seed, Impl.World.WorldTransport.Http, sut: client); }
        catch (SutUnsupportedException u) { return new(index, c, SutCaseStatus.NotRun, null, "the SUT declared it unsupported: " + u.Message); }
        catch (SutHangException h) { return new(index, c, SutCaseStatus.Inconclusive, null, h.Exchange); }
        catch (SutProtocolException p) { return new(index, c, SutCaseStatus.ProtocolFailure, null, p.Message + "\n" + p.Exchange); }
        if (run.Inconclusive is { } inconclusive) return new(index, c, SutCaseStatus.Inconclusive, null, inconclusive);
        var fired = run.Tried.Count > 0;
        foreach (var inv in AttackChecks.All.Where(i => i.Applies(c.Scenario.Topology.Embodiment)))
            if ((run.Crash ?? inv.Eval(run, new HashSet<string>())) is { } v) return new(index, c, SutCaseStatus.Violated, inv.CheckId, v) { Fired = fired };
        return new(index, c, SutCaseStatus.Held, null, null) { Fired = fired };
    }

    /// <summary>Greedy shrinking against the SUT: the first smaller attacked case that still violates the same property is kept.</summary>
    public static SutCounterexample Shrink(SutClient client, Embodiment e, SutAttackResult found, int seed, int budget = 40)
    {
        var (c, violation, runs, progress) = (found.Case, found.Detail!, 0, true);
        while (progress && runs < budget)
        {
            progress = false;
            foreach (var candidate in AttackGen.Shrink(c))
            {
                if (++runs > budget) break;
                var r = Judge(client, candidate, found.Index, seed);
                if (r.Status != SutCaseStatus.Violated || r.Property != found.Property) continue;
                (c, violation, progress) = (candidate, r.Detail!, true);
                break;
            }
        }
        return new SutCounterexample(e.ToString(), found.Index, AttackCampaign.Replay(seed, e), found.Property!, violation, found.Case.ToString(), c.ToString(), Math.Min(runs, budget));
    }
}
