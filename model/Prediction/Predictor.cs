using MultiWallet.Model.Client;
using MultiWallet.Model.Machines;
using MultiWallet.Model.Server;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Model.Prediction;

/// <summary>
/// The model's prediction for a run: for each WakeUp/Replay step, its outcome and abstract events.
/// Every decision is taken by firing triggers on the machines; events come from their transitions.
/// Deterministic: same inputs, same prediction.
/// </summary>
public static class Predictor
{
    public static IReadOnlyList<StepPrediction> Predict(Topology topology, UserScript script, IReadOnlyList<Step> steps, PredictorOptions? options = null) =>
        Core(topology, script, steps, options, null);

    /// <summary>
    /// What each <see cref="Step.Heal"/> changes in the user's answers: by heal step index, the orders whose outcome was
    /// unknown and the final answer the PC reports once the merchant settled them (DECISIONS.md, "Outcome unknown").
    /// </summary>
    public static IReadOnlyDictionary<int, IReadOnlyDictionary<OrderId, Outcome>> PredictHeals(Topology topology, UserScript script, IReadOnlyList<Step> steps, PredictorOptions? options = null)
    {
        var heals = new Dictionary<int, IReadOnlyDictionary<OrderId, Outcome>>();
        Core(topology, script, steps, options, heals);
        return heals;
    }

    private static IReadOnlyList<StepPrediction> Core(Topology topology, UserScript script, IReadOnlyList<Step> steps, PredictorOptions? options, Dictionary<int, IReadOnlyDictionary<OrderId, Outcome>>? heals)
    {
        options ??= PredictorOptions.Default;
        var run = new RunContext(options);
        var world = new World(topology, script);
        // E4's WUMs live across wake-ups: re-installing one changes routing from the next wake-up on.
        var wums = new Dictionary<string, BrandCarryingWum>(StringComparer.Ordinal);
        foreach (var (wallet, install) in world.InstalledWums)
        {
            var wum = new BrandCarryingWum(run, wallet);
            wum.Install(install);
            wums[wallet] = wum;
        }

        var predictions = new List<StepPrediction>();
        // Faults armed for the next wake-up, and each faulted order's state at merchant, gateway and user.
        var armed = new List<(FaultKind, FaultPosition)>();
        var crashes = new List<Step.Crash>();
        var faulted = new SortedDictionary<string, (OrderId Order, FaultedExchange.Record Record, Outcome Told)>(StringComparer.Ordinal);
        for (var i = 0; i < steps.Count; i++)
        {
            switch (steps[i])
            {
                case Step.WakeUp w:
                    if (armed.Count > 0 || crashes.Count > 0)
                    {
                        var record = new FaultedExchange.Record();
                        var p = WakeUp(i, w, w, world, wums, run, new FaultedExchange(run, armed, record, [.. crashes]));
                        if (record.Merchant != FaultedExchange.Merchant.Offered) faulted[w.Order.ToString()] = (w.Order, record, p.Outcome);
                        predictions.Add(p);
                        armed.Clear();
                        crashes.Clear();
                    }
                    else predictions.Add(WakeUp(i, w, w, world, wums, run));
                    break;
                case Step.Fault f:
                    armed.Add((f.Kind, f.At));
                    break;
                case Step.Crash c:
                    crashes.Add(c);
                    break;
                case Step.Heal:
                    armed.Clear();
                    crashes.Clear();
                    var changed = new Dictionary<OrderId, Outcome>();
                    foreach (var (order, record, told) in faulted.Values)
                        if (FaultedExchange.Heal(record) is { } answer && told is Outcome.Refused { Wallet: { } wallet })
                            changed[order] = answer == FaultedExchange.Answer.Paid ? new Outcome.Paid(wallet, world.LastWakeUp[order].Brand) : told;
                    heals?.Add(i, changed);
                    break;
                case Step.Replay r:
                    var last = world.LastWakeUp.TryGetValue(r.Order, out var l) ? l
                        : throw new ArgumentException($"step {i}: Replay({r.Order}) of an order never woken up");
                    predictions.Add(WakeUp(i, r, last, world, wums, run));
                    armed.Clear();
                    crashes.Clear();
                    break;
                case Step.InstallWum iw:
                    if (!wums.TryGetValue(iw.Wallet, out var existing)) wums[iw.Wallet] = existing = new BrandCarryingWum(run, iw.Wallet);
                    existing.Install(new WumInstall(iw.Version, iw.Brands));
                    break;
                case Step.ChangeBrands cb:
                    world.ChangeBrands(cb.Wallet, cb.Held, cb.Advertised);
                    break;
                case Step.SetDown sd:
                    world.SetDown(sd.Wallet, sd.Down);
                    break;
                case Step.SetSilent ss:
                    world.SetSilent(ss.Wallet, ss.Silent);
                    break;
                case Step.SetKnowledge sk:
                    world.Knowledge = sk.Knowledge;
                    break;
            }
        }
        return predictions;
    }

    private static StepPrediction WakeUp(int index, Step step, Step.WakeUp wake, World world, Dictionary<string, BrandCarryingWum> wums, RunContext run, FaultedExchange? faulted = null)
    {
        run.Clear();
        run.Faulted = faulted;
        run.GatewayDeclines = world.Topology.DeclineLimit(wake.Brand, wake.Order.Merchant) is { } limit && wake.Amount > limit;
        run.Emit(new AbstractEvent.WakeUp(wake.Order, wake.Brand));
        world.LastWakeUp[wake.Order] = wake;
        world.InForce = wake.ClientInfo ?? world.Knowledge;
        var outcome = new EntryPoint(run, wake, world.Accepted).Admit();
        if (outcome is null)
        {
            world.Accepted.Add(wake.Order);
            outcome = Route(world, wake, wums, run);
        }
        run.Emit(new AbstractEvent.Ended(outcome));
        return new StepPrediction(index, step, outcome, run.Events.ToList());
    }

    private static Outcome Route(World world, Step.WakeUp wake, Dictionary<string, BrandCarryingWum> wums, RunContext run)
    {
        Outcome PayAt(string wallet) => new ServerWallet(run, world, wallet, wake.Brand, wake.Defect).Pay(wake.Brand);

        switch (world.Traits.Side)
        {
            case EmbodimentSide.ClientSelector:
                var selector = new Selector(run, world, wake.Brand, wums);
                if (selector.Route() is { } refused) return refused;
                // The selector hands the wake-up to the chosen WUM, which opens its SW's session.
                var wum = new ConventionalWum(run, world, selector.Chosen!);
                return wum.Open() ? PayAt(selector.Chosen!) : new Outcome.Refused(Reason.WalletUnreachable, selector.Chosen);
            case EmbodimentSide.MultiServerWum:
                var multi = new MultiServerWum(run, world, wake.Brand);
                return multi.Route() ?? PayAt(multi.Chosen!);
            default:
                var client = new ConventionalWum(run, world, WalletNames.Msw);
                if (!client.Open()) return new Outcome.Refused(Reason.WalletUnreachable, WalletNames.Msw);
                return new MasterServerWallet(run, world, wake.Brand, wake.Defect).Handle(PayAt);
        }
    }
}
