using FsCheck;
using FsCheck.Fluent;
using MultiWallet.Checks.Catalog;
using MultiWallet.Checks.Generators;
using MultiWallet.Checks.Invariants;
using MultiWallet.Impl.World;

namespace MultiWallet.Checks.Bounded;

/// <summary>
/// INV-BOUNDED and INV-BAD-INPUT as a property: after every generated bad input (malformed, truncated, oversized,
/// unknown session, wrong kind, random bytes) each receiving party keeps exactly what it kept before. Inputs are
/// sampled from <see cref="BadMessageGen"/> with FsCheck's <c>Rnd(seed, gamma)</c>, so a seed replays them; the
/// state is compared after each input, so a failure names the one input that left something behind. Classes: one
/// per target and per defect; the property fails when one of them was never generated.
/// Inputs to a server wallet or the master go half under the user's login there (<see cref="BadMessage.UnderLogin"/>), so
/// they reach the wallet's session handling and wake-up parsing. A refused authenticated start is answered, and the answer
/// recorded for that session (docs/DECISIONS.md, "Sessions and logins", S1: a retried start gets the same refusal): that
/// one record of an authenticated client is the only thing such an input may leave, it must be the record of the
/// input's own session, and every such record must be gone once the clock passes the session lifetime (checked at the
/// end, against the state before the first input). Classes: <c>login:&lt;target&gt;</c> for the authenticated inputs, and
/// <c>login:record-kept</c> when one left its record; required, so the authenticated class cannot go ungenerated.
/// </summary>
internal static class BoundedChecks
{
    private static readonly Target[] OwnParties = [Target.ServerWallet, Target.Master, Target.Custodian, Target.PcEntry, Target.UserPort];
    private static readonly Target[] PosParties = [Target.Merchant, Target.Gateway];

    /// <summary>Bad inputs per run: twelve per generated scenario of an embodiment, at least 120.</summary>
    private static int Inputs(CheckContext ctx) => Math.Max(120, 12 * ctx.Cases);

    [Check("PROP-BOUNDED-REJECTED-INPUT", Title = "server wallet, master wallet, custodian, PC entry point and user port keep nothing of any generated bad input",
        Requirements = ["INV-BOUNDED", "INV-BAD-INPUT"], Kind = CheckKind.Property)]
    public static CheckOutcome OwnPartiesKeepNothing(CheckContext ctx) => Run(ctx, OwnParties, 0);

    [Check("PROP-BOUNDED-REJECTED-INPUT-POS", Title = "the merchant POS and the payment gateway keep nothing of any generated bad input (measured through their public surface)",
        Requirements = ["INV-BOUNDED", "INV-BAD-INPUT"], Kind = CheckKind.Property)]
    public static CheckOutcome PosKeepsNothing(CheckContext ctx) => Run(ctx, PosParties, 1);

    /// <summary>PROP-BOUNDED-REJECTED-INPUT-POS in a world built with <paramref name="parts"/> (a seeded fault's components).</summary>
    internal static CheckOutcome PosKeepsNothingWith(CheckContext ctx, WorldParts? parts) => Run(ctx, PosParties, 1, parts);

    private static CheckOutcome Run(CheckContext ctx, Target[] targets, int stream, WorldParts? parts = null)
    {
        var seed = (ulong)ctx.Seed + (ulong)stream;
        var n = Inputs(ctx);
        var replay = $"({seed},{Campaign.Gamma},{Campaign.Size}) seed={ctx.Seed}";
        // Twelve per scenario grows with the budget: the inputs are drawn one at a time (the same sequence Gen.Sample gives).
        var inputs = SampleStream.Of(BadMessageGen.For(targets), new Rnd(seed, Campaign.Gamma), Campaign.Size).Take(n);
        var world = new BoundedWorld(ctx.Seed, parts);
        var classes = new Dictionary<string, int>(StringComparer.Ordinal);
        var baseline = world.State();
        var i = -1;
        foreach (var m in inputs)
        {
            i++;
            foreach (var c in new[] { $"target:{m.Target}", $"defect:{m.Defect}" }) classes[c] = classes.GetValueOrDefault(c) + 1;
            if (m.UnderLogin) classes[$"login:{m.Target}"] = classes.GetValueOrDefault($"login:{m.Target}") + 1;
            var before = world.State();
            var records = world.SessionRecords;
            var session = world.Send(m);
            if (world.SessionRecords > records) classes["login:record-kept"] = classes.GetValueOrDefault("login:record-kept") + 1;
            var after = world.State(session);
            var changed = targets.Where(t => before[t] != after[t]).ToList();
            if (changed.Count == 0) continue;
            return Left(ctx, $"bad input #{i} left state behind", m.ToString(), changed, before, after, i + 1, classes, replay);
        }
        // The records authenticated refusals left are bounded by their lifetime: past it, every party is back where it began.
        world.PastSessionLifetime();
        var end = world.State();
        var kept = targets.Where(t => baseline[t] != end[t]).ToList();
        if (kept.Count > 0)
            return Left(ctx, "past the session lifetime, state is still left behind", $"{n} bad inputs, then the clock moved past {Impl.Server.ServerWallet.SessionLifetime}", kept, baseline, end, n, classes, replay);
        var required = targets.Select(t => $"target:{t}").Concat(Enum.GetValues<Defect>().Select(d => $"defect:{d}"))
            .Concat(targets.Where(t => t is Target.ServerWallet or Target.Master).Select(t => $"login:{t}"))
            .Concat(targets.Contains(Target.ServerWallet) ? ["login:record-kept"] : []).ToList();
        return ClassifiedOutcome.Of(n, classes, required, replay, $"{n} bad inputs, state unchanged after each{(classes.ContainsKey("login:record-kept") ? " (but for the session record of a refused authenticated start, gone past its lifetime)" : "")}; classes: {ClassifiedOutcome.Render(classes)}");
    }

    private static CheckOutcome Left(CheckContext ctx, string why, string input, IReadOnlyList<Target> changed, IReadOnlyDictionary<Target, string> before, IReadOnlyDictionary<Target, string> after,
        int cases, Dictionary<string, int> classes, string replay)
    {
        var what = string.Join("; ", changed.Select(t => $"{t}: {before[t]} -> {after[t]}"));
        ctx.Log($"{input}\n{what}");
        return new CheckOutcome
        {
            Passed = false,
            CasesRun = cases,
            Classes = classes,
            Replay = replay,
            Message = $"{why}: {what}",
            Counterexample = $"{input}\n{what}",
        };
    }
}
