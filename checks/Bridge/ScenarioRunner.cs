using System.Text;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.World;
using MultiWallet.Model.Machines;
using MultiWallet.Model.Prediction;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Bridge;

/// <summary>Facts about one wake-up the invariants read (collected right after it).</summary>
public sealed record WakeUpFacts(
    int AuthorizationsForOrder,
    int TotalAuthorizations,
    int MswAcquiredCredentialsHeld,
    IReadOnlyDictionary<string, int> CustodianReleases,
    IReadOnlyList<NetMessage> Requests,
    IReadOnlyList<string> SecretLeaks);

/// <summary>One WakeUp/Replay step: the implementation's side, the model's side, and whether they agree.</summary>
public sealed record WakeUpResult(
    int StepIndex, Step Step, Step.WakeUp Wake,
    PaymentOutcome Raw, Outcome ImplOutcome,
    IReadOnlyList<string> ImplTrace, IReadOnlyList<AbstractEvent> Abstracted,
    StepPrediction Predicted, WakeUpFacts Facts, IReadOnlyList<TraceEvent> Events)
{
    public bool Agrees => Divergence is null;

    /// <summary>Null when outcome and abstract trace equal the prediction; else the first diverging line, both sides.</summary>
    public string? Divergence
    {
        get
        {
            var impl = Abstracted.Select(e => e.ToString()).ToList();
            var model = Predicted.Events.Select(e => e.ToString()).ToList();
            if (ImplOutcome == Predicted.Outcome && impl.SequenceEqual(model)) return null;
            var i = 0;
            while (i < impl.Count && i < model.Count && impl[i] == model[i]) i++;
            return $"step #{StepIndex} {Step}: first difference at event {i}\n  model: {(i < model.Count ? model[i] : "(end)")}\n  impl:  {(i < impl.Count ? impl[i] : "(end)")}\n" +
                   $"  model trace: {string.Join(" | ", model)}\n  impl trace:  {string.Join(" | ", impl)}\n  impl outcome {Raw}";
        }
    }
}

/// <summary>A whole run: the inputs, each wake-up's result, and the world (for extra facts).</summary>
public sealed record ScenarioResult(Topology Topology, UserScript Script, IReadOnlyList<Step> Steps, IReadOnlyList<WakeUpResult> WakeUps, ImplBuilder Built)
{
    public bool Agrees => WakeUps.All(w => w.Agrees);
    public WakeUpResult? FirstDivergence => WakeUps.FirstOrDefault(w => !w.Agrees);
    public string RenderedTrace => Built.World.Trace.Render();
}

/// <summary>
/// Runs a model scenario against the implementation and the model side by side.
/// <code>
///   var r = ScenarioRunner.Run(topology, script, steps, seed);          // faithful world
///   var r = ScenarioRunner.Run(topology, script, steps, seed, parts);   // with substituted components
///   r.Agrees; r.FirstDivergence?.Divergence; r.WakeUps[i].Facts; ScenarioRunner.Describe(topology, script, steps)
/// </code>
/// Deterministic for a seed. Steps are applied in order; each WakeUp/Replay yields one <see cref="WakeUpResult"/>.
/// </summary>
public static class ScenarioRunner
{
    public static ScenarioResult Run(Topology topology, UserScript script, IReadOnlyList<Step> steps, int seed,
        EmbodimentWorld.Parts? parts = null, PredictorOptions? options = null, WorldTransport transport = WorldTransport.InMemory)
    {
        var predictions = Predictor.Predict(topology, script, steps, options).ToDictionary(p => p.StepIndex);
        var built = ImplBuilder.Build(topology, script, seed, parts, transport);
        try { return Run(topology, script, steps, predictions, built); }
        // Over HTTP every party is a Kestrel host: stop them now; the trace and the facts stay readable.
        finally { built.World.DisposeAsync().AsTask().GetAwaiter().GetResult(); }
    }

    private static ScenarioResult Run(Topology topology, UserScript script, IReadOnlyList<Step> steps, Dictionary<int, StepPrediction> predictions, ImplBuilder built)
    {
        var world = built.World;
        var secrets = Secrets(topology, world);
        var last = new Dictionary<OrderId, Step.WakeUp>();
        var results = new List<WakeUpResult>();
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            Step.WakeUp wake;
            if (step is Step.WakeUp w) wake = w;
            else if (step is Step.Replay r) wake = last[r.Order];
            else { built.Apply(step); continue; }
            last[wake.Order] = wake;
            var mark = world.Trace.Count;
            var reqMark = world.Network.Requests.Count;
            var respMark = world.Network.Responses.Count;
            var raw = built.Pay(step, wake);
            var events = world.Trace.Since(mark);
            var requests = world.Network.Requests.Skip(reqMark).ToList();
            var responses = world.Network.Responses.Skip(respMark).ToList();
            var predicted = predictions[i];
            var facts = new WakeUpFacts(
                world.Gateway.Authorizations(ImplBuilder.Merchant, wake.Order.LidM),
                world.Gateway.TotalAuthorizations,
                built.Embodiment.Master?.AcquiredCredentialsHeld ?? 0,
                built.Embodiment.Custodians.ToDictionary(c => c.Key, c => c.Value.ReleaseCount),
                requests,
                Leaks(requests.Concat(responses), secrets));
            results.Add(new WakeUpResult(i, step, wake, raw, TraceAbstraction.ToModel(raw),
                events.Select(e => e.Render()).ToList(),
                TraceAbstraction.Abstract(topology.Embodiment, wake, events, raw, predicted.Events),
                predicted, facts, events));
        }
        return new ScenarioResult(topology, script, steps, results, built);
    }

    /// <summary>Topology, user script and steps, one per line (the readable counterexample form).</summary>
    public static string Describe(Topology t, UserScript s, IReadOnlyList<Step> steps)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"embodiment {t.Embodiment}");
        if (t.Master is not null) sb.AppendLine($"master {t.Master}");
        foreach (var w in t.Wallets) sb.AppendLine($"wallet {w}");
        static string Tbl(IReadOnlyDictionary<string, System.Collections.Immutable.ImmutableSortedSet<Brand>> d) =>
            string.Join("; ", d.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key}={Brands.Print(k.Value)}"));
        if (t.SelectorTable.Count > 0) sb.AppendLine($"selector table {Tbl(t.SelectorTable)}");
        if (t.InstalledWums.Count > 0) sb.AppendLine($"installed WUMs {string.Join("; ", t.InstalledWums.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key}={k.Value}"))}");
        if (t.MasterBrandInfo.Count > 0) sb.AppendLine($"MSW brand info {Tbl(t.MasterBrandInfo)}");
        if (t.MasterSswInfo.Count > 0) sb.AppendLine($"MSW SSW info [{string.Join(", ", t.MasterSswInfo)}]");
        if (t.ClientBrandInfo.Count > 0) sb.AppendLine($"client brand info {Tbl(t.ClientBrandInfo)}");
        if (t.ClientSswInfo.Count > 0) sb.AppendLine($"client SSW info [{string.Join(", ", t.ClientSswInfo)}]");
        sb.AppendLine($"user preselected={s.Preselected ?? "none"} answers=[{string.Join(", ", s.Answers)}]");
        for (var i = 0; i < steps.Count; i++) sb.AppendLine($"#{i} {steps[i]}");
        return sb.ToString().TrimEnd();
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
            if (!(m.To == Address.Pc || m.From == Address.Pc || m.To.Value == "merchant" || m.From.Value == "merchant")) continue;
            foreach (var (label, bytes) in secrets)
                if (m.Body.AsSpan().IndexOf(bytes) >= 0) leaks.Add($"{label} in {m.Kind} {m.From.Value} -> {m.To.Value}");
        }
        return leaks;
    }
}
