using System.Text;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.World;
using MultiWallet.Model.Machines;
using MultiWallet.Model.Prediction;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Bridge;

/// <summary>
/// Runs a model scenario against the implementation and the model side by side.
/// <code>
///   var r = ConformanceRunner.Run(topology, script, steps, seed);          // faithful world
///   var r = ConformanceRunner.Run(topology, script, steps, seed, parts);   // with substituted components
///   r.Agrees; r.FirstDivergence?.Divergence; r.WakeUps[i].Facts; ConformanceRunner.Describe(topology, script, steps)
/// </code>
/// Deterministic for a seed. Steps are applied in order; each WakeUp/Replay yields one <see cref="WakeUpConformance"/>.
/// </summary>
public static class ConformanceRunner
{
    public static ConformanceResult Run(Topology topology, UserScript script, IReadOnlyList<Step> steps, int seed,
        EmbodimentWorld.Parts? parts = null, PredictorOptions? options = null, WorldTransport transport = WorldTransport.InMemory, bool recordOrders = false,
        Sut.SutClient? sut = null)
    {
        var predictions = Predictor.Predict(topology, script, steps, options).ToDictionary(p => p.StepIndex);
        var heals = steps.Any(s => s is Step.Heal) ? Predictor.PredictHeals(topology, script, steps, options) : new Dictionary<int, IReadOnlyDictionary<OrderId, Outcome>>();
        var built = sut is null ? ImplBuilder.Build(topology, script, seed, parts, transport) : ImplBuilder.BuildWithSut(topology, script, seed, sut, parts);
        try { return Run(topology, script, steps, predictions, heals, built, recordOrders); }
        // Over HTTP every party is a Kestrel host: stop them now; the trace and the facts stay readable.
        finally { built.World.DisposeAsync().AsTask().GetAwaiter().GetResult(); }
    }

    private static ConformanceResult Run(Topology topology, UserScript script, IReadOnlyList<Step> steps, Dictionary<int, StepPrediction> predictions,
        IReadOnlyDictionary<int, IReadOnlyDictionary<OrderId, Outcome>> healPredictions, ImplBuilder built, bool recordOrders)
    {
        var heals = new List<HealFacts>();
        var world = built.World;
        // The set-up (E1 registers its WUM here) and every world-changing step, for the auditor's report.
        var setup = new List<SetupFacts> { new(-1, null, world.Trace.Since(0).Select(e => e.Render()).ToList()) };
        var secrets = Secrets(topology, world);
        var last = new Dictionary<OrderId, Step.WakeUp>();
        var results = new List<WakeUpConformance>();
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            Step.WakeUp wake;
            if (step is Step.WakeUp w) wake = w;
            else if (step is Step.Replay r) wake = last[r.Order];
            else if (step is Step.Heal)
            {
                try
                {
                    var (swept, resolved) = built.Heal();
                    heals.Add(new HealFacts(i, swept, resolved, healPredictions[i], built.OrderFacts()));
                }
                catch (HangException h)
                {
                    return new ConformanceResult(topology, script, steps, results, built) { Heals = heals, Setup = setup, Hang = new WakeUpHang(i, step, new Outcome.Refused(Reason.ProtocolError), h.At, h.Reason, "(heal)") };
                }
                catch (WallClockLimitException e)
                {
                    return new ConformanceResult(topology, script, steps, results, built) { Heals = heals, Setup = setup, Inconclusive = $"step #{i} {step}: {e.Message}" };
                }
                continue;
            }
            else
            {
                var before = world.Trace.Count;
                built.Apply(step);
                setup.Add(new SetupFacts(i, step, world.Trace.Since(before).Select(e => e.Render()).ToList()));
                continue;
            }
            last[wake.Order] = wake;
            var mark = world.Trace.Count;
            var reqMark = world.Network.Requests.Count;
            var remoteMark = built.Sut is not null && world.Wire is Impl.Network.Http.HttpNetwork marked ? marked.FromRemote.Count : 0;
            var respMark = world.Network.Responses.Count;
            var started = world.Time.UtcNow;
            PaymentOutcome raw;
            try { raw = built.Pay(step, wake); }
            catch (HangException h)
            {
                var blocked = world.Trace.Since(mark).LastOrDefault()?.Render() ?? "(nothing sent)";
                return new ConformanceResult(topology, script, steps, results, built) { Heals = heals, Setup = setup, Hang = new WakeUpHang(i, step, predictions[i].Outcome, h.At, h.Reason, blocked) };
            }
            catch (WallClockLimitException e)
            {
                return new ConformanceResult(topology, script, steps, results, built) { Heals = heals, Setup = setup, Inconclusive = $"step #{i} {step}: {e.Message}" };
            }
            var events = world.Trace.Since(mark);
            if (built.Sut is { } attached)
            {
                attached.CheckContract();
                events = attached.Merge(events);
            }
            var requests = world.Network.Requests.Skip(reqMark).ToList();
            // A system under test's requests reach our listeners from outside: they are this wake-up's requests as much
            // as ours (a PC that sends anything on a replay breaks INV-ONCE whoever plays it).
            if (built.Sut is not null && world.Wire is Impl.Network.Http.HttpNetwork remote) requests.AddRange(remote.FromRemote.Skip(remoteMark));
            var responses = world.Network.Responses.Skip(respMark).ToList();
            var predicted = predictions[i];
            var facts = new WakeUpFacts(
                world.Gateway.Authorizations(wake.Order.Merchant, wake.Order.LidM),
                world.Gateway.TotalAuthorizations,
                // With the master played by a SUT ours sits idle: what the SUT holds is what it reported (none when it reports nothing).
                built.Sut is { PlaysMaster: true } played ? played.ReportedHeld ?? 0 : built.Embodiment.Master?.AcquiredCredentialsHeld ?? 0,
                built.Embodiment.Custodians.ToDictionary(c => c.Key, c => c.Value.ReleaseCount),
                requests,
                Leaks(requests.Concat(responses), secrets))
            {
                Orders = recordOrders ? built.OrderFacts() : null,
            };
            results.Add(new WakeUpConformance(i, step, wake, raw, TraceAbstraction.ToModel(raw),
                events.Select(e => e.Render()).ToList(),
                TraceAbstraction.Abstract(topology.Embodiment, wake, events, raw, predicted.Events),
                predicted, facts, events) { Started = started, Ended = world.Time.UtcNow });
        }
        // Over HTTP a send that timed out, or that the transport refused though its party listened, measured the machine's
        // load, not the system: the run cannot be judged.
        var wallTimeouts = world.Time.IsVirtual ? 0 : world.Wire.EnvironmentFailures;
        // A request a system under test sent, held for it to give up (a fault at our receiving end), that it did not give
        // up on within the generous bound: its wall-clock wait, or the machine's load, not a verdict.
        var held = world.Network.HoldsExpired;
        return new ConformanceResult(topology, script, steps, results, built)
        {
            Heals = heals,
            Setup = setup,
            Inconclusive = wallTimeouts > 0 ? $"{world.Wire.DescribeEnvironmentFailures()} (environment: inconclusive)"
                : held > 0 ? $"{held} request(s) of the system under test held for it to give up (a fault at our receiving end) were not given up within the bound (environment: inconclusive)"
                : null,
        };
    }

    /// <summary>Topology, user script and steps, one per line (the readable counterexample form).</summary>
    public static string Describe(Topology t, UserScript s, IReadOnlyList<Step> steps)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"embodiment {t.Embodiment}");
        if (t.Merchants.Count > 0) sb.AppendLine($"merchants {string.Join(", ", t.Merchants.Select(m => t.DeclineAboveByMerchant.TryGetValue(m, out var l) ? $"{m} (declines above {l})" : m))}");
        if (t.Master is not null) sb.AppendLine($"master {t.Master}");
        foreach (var w in t.Wallets) sb.AppendLine($"wallet {w}");
        if (t.Knowledge.Wallets.Count > 0) sb.AppendLine($"{KnowledgeLabel(t.Traits)} {t.Knowledge.Describe()}");
        sb.AppendLine($"user preselected={s.Preselected ?? "none"} answers=[{string.Join(", ", s.Answers)}]");
        for (var i = 0; i < steps.Count; i++) sb.AppendLine($"#{i} {steps[i]}");
        return sb.ToString().TrimEnd();
    }

    /// <summary>What the counterexample calls the knowledge: by its holder and kind.</summary>
    private static string KnowledgeLabel(EmbodimentTraits traits)
    {
        var holder = traits.Holder switch { KnowledgeHolder.Msw => "MSW ", KnowledgeHolder.ClientWum => "client ", _ => "" };
        var kind = traits.Holder switch
        {
            KnowledgeHolder.Selector => "selector table",
            KnowledgeHolder.InstalledWums => "installed WUMs",
            _ => traits.Knowledge == KnowledgeKind.SswList ? "SSW info" : "brand info",
        };
        return holder + kind;
    }

    private static IReadOnlyList<(string Label, byte[] Bytes)> Secrets(Topology t, PaymentWorld world)
    {
        var list = new List<(string, byte[])>();
        foreach (var w in t.Wallets.Append(t.Master).OfType<WalletSpec>())
            foreach (var b in Brand.Known)
            {
                var c = world.Pki.Cardholder(w.Name, b.Name);
                list.Add(($"{w.Name}/{b} private key", c.Signing.Key.D.ToByteArrayUnsigned()));
                list.Add(($"{w.Name}/{b} PAN", Encoding.ASCII.GetBytes(c.Account.Pan)));
            }
        return list;
    }

    /// <summary>Secrets found in a request or response body to or from the PC or the merchant (INV-CUSTODY).</summary>
    private static IReadOnlyList<string> Leaks(IEnumerable<NetMessage> requests, IReadOnlyList<(string Label, byte[] Bytes)> secrets)
    {
        var leaks = new List<string>();
        foreach (var m in requests)
        {
            if (!(m.To == Address.Pc || m.From == Address.Pc || m.To.IsMerchant || m.From.IsMerchant)) continue;
            foreach (var (label, bytes) in secrets)
                if (m.Body.AsSpan().IndexOf(bytes) >= 0) leaks.Add($"{label} in {m.Kind} {m.From.Value} -> {m.To.Value}");
        }
        return leaks;
    }
}
