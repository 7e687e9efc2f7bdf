using FsCheck;
using FsCheck.Fluent;
using MultiWallet.Checks.Catalog;
using MultiWallet.Checks.Invariants;
using MultiWallet.Impl.World;

namespace MultiWallet.Checks.Bounded;

/// <summary>
/// INV-BOUNDED and INV-BAD-INPUT as a property: after every generated bad input (malformed, truncated, oversized,
/// unknown session, wrong kind, random bytes) each receiving party keeps exactly what it kept before. Inputs are
/// sampled from <see cref="BadMessageGen"/> with FsCheck's <c>Rnd(seed, gamma)</c>, so a seed replays them; the
/// state is compared after each input, so a failure names the one input that left something behind. Classes: one
/// per target and per defect; the property fails when one of them was never generated.
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
        var inputs = Gen.Sample(BadMessageGen.For(targets), n, new Rnd(seed, Campaign.Gamma), Campaign.Size).ToList();
        var world = new BoundedWorld(ctx.Seed, parts);
        var classes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < inputs.Count; i++)
        {
            var m = inputs[i];
            foreach (var c in new[] { $"target:{m.Target}", $"defect:{m.Defect}" }) classes[c] = classes.GetValueOrDefault(c) + 1;
            var before = world.State();
            world.Send(m);
            var after = world.State();
            var changed = targets.Where(t => before[t] != after[t]).ToList();
            if (changed.Count == 0) continue;
            var what = string.Join("; ", changed.Select(t => $"{t}: {before[t]} -> {after[t]}"));
            ctx.Log($"input #{i}: {m}\n{what}");
            return new CheckOutcome
            {
                Passed = false,
                CasesRun = i + 1,
                Classes = classes,
                Replay = replay,
                Message = $"bad input #{i} left state behind: {what}",
                Counterexample = $"{m}\n{what}",
            };
        }
        var required = targets.Select(t => $"target:{t}").Concat(Enum.GetValues<Defect>().Select(d => $"defect:{d}")).ToList();
        return ClassifiedOutcome.Of(n, classes, required, replay, $"{n} bad inputs, state unchanged after each; classes: {ClassifiedOutcome.Render(classes)}");
    }
}
