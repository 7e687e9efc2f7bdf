using System.Collections.Concurrent;
using MultiWallet.Checks.Catalog;
using MultiWallet.Checks.Generators;
using MultiWallet.Checks.Invariants;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.World;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Contract;

/// <summary>
/// The first <see cref="ContractChecks.Budget"/> generated cases of every embodiment, executed once per (seed, budget) and
/// shared by the contract's two campaign checks: every message each case put on the wire validated against the contract
/// (PROTOCOL-CONFORMS-GENERATED), and the first message of each kind, in case order, as the honest originals the defects
/// are made from (PROTOCOL-CONTRACT-CATCHES-DEFECTS). Cases run and are validated side by side, one per core, and are
/// folded in (embodiment, case) order, so the tally, its first failure and the sample are the sequential run's; no case's
/// world outlives its validation except the first one's (its PKI opens the sample's envelopes).
/// </summary>
internal sealed class ContractSweep
{
    private static readonly ConcurrentDictionary<(int Seed, int Cases), Lazy<ContractSweep>> Cache = new();

    /// <summary>Every message's violations, tallied by embodiment and kind.</summary>
    public ConformanceTally Tally { get; } = new();

    /// <summary>Cases that ran (a case whose run threw is not counted: INV-CONFORM reports it).</summary>
    public int Cases { get; private set; }

    /// <summary>The first message of each kind and its direction, in (embodiment, case) order.</summary>
    public Dictionary<string, (NetMessage Message, string Direction)> Sample { get; } = new(StringComparer.Ordinal);

    /// <summary>The first case's world: every case of a seed shares its PKI.</summary>
    public PaymentWorld? FirstWorld { get; private set; }

    private sealed record Validated(GeneratedScenario Scenario, IReadOnlyList<(NetMessage Message, string Direction, IReadOnlyList<string> Violations, bool TamperedPi)> Messages, PaymentWorld World);

    /// <summary>The sweep of the context's seed and budget, run on first use.</summary>
    public static ContractSweep Of(CheckContext ctx) =>
        Cache.GetOrAdd((ctx.Seed, ctx.Cases), _ => new(() => Run(ctx))).Value;

    private static ContractSweep Run(CheckContext ctx)
    {
        var contract = WireContract.Committed;
        var sweep = new ContractSweep();
        foreach (var e in Campaign.All)
        {
            var cases = Campaign.Generate(e, ctx.Seed, Math.Min(ContractChecks.Budget, Campaign.PerEmbodiment(ctx)))
                .AsParallel().AsOrdered().WithDegreeOfParallelism(Environment.ProcessorCount)
                .Select(s => Validate(contract, e, Campaign.Execute(s, ctx.Seed, null, ctx.Transport)));
            foreach (var v in cases)
            {
                if (v is null) continue;
                sweep.Cases++;
                sweep.FirstWorld ??= v.World;
                foreach (var (m, direction, violations, tamperedPi) in v.Messages)
                {
                    sweep.Sample.TryAdd(m.Kind, (m, direction));
                    if (tamperedPi) sweep.Tally.Add(e.ToString(), v.Scenario, m, [], ConformanceTally.TamperedPiClass);
                    else sweep.Tally.Add(e.ToString(), v.Scenario, m, violations);
                }
            }
        }
        return sweep;
    }

    /// <summary>Every message of one case validated; null when the case threw.</summary>
    private static Validated? Validate(WireContract contract, Embodiment e, Case c)
    {
        if (c.Result is null) return null;
        var world = c.Result.Built.World;
        var open = EnvelopeKeys.Of(world, e == Embodiment.E8 && c.Scenario.Topology.Master is { } m8 ? [m8.Name] : []);
        var tampered = TamperedPi(c.Scenario);
        var messages = world.Network.Requests.Select(m => (m, "request")).Concat(world.Network.Responses.Select(m => (m, "response")))
            .Select(x =>
            {
                var v = contract.Violations(x.m, x.Item2, open);
                // The campaign's own defect: a PI envelope it tampered with must not open, and the contract says so.
                var tamperedPi = v.Count > 0 && x.m.Field("lid-m") is { } lid && tampered.Contains(lid) && v.All(y => y.Contains(NotOpened, StringComparison.Ordinal));
                return (x.m, x.Item2, v, tamperedPi);
            }).ToList();
        return new Validated(c.Scenario, messages, world);
    }

    /// <summary>What <see cref="WireContract"/> says of an envelope that fails its authentication.</summary>
    private const string NotOpened = "does not open with its recipient's key";

    /// <summary>The orders whose PI the generated scenario tampers with (a bad-input case: the gateway must refuse it).</summary>
    private static HashSet<string> TamperedPi(GeneratedScenario s) =>
        [.. s.Steps.OfType<Step.WakeUp>().Where(w => w.Defect is WakeUpDefect.Tampered { Where: TamperSite.PI }).Select(w => w.Order.LidM)];
}
