using MultiWallet.Model.Machines;
using MultiWallet.Model.Prediction;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Model.Client;

/// <summary>
/// The selector of E1–E5: picks which WUM (hence which SW) receives the wake-up. One configuration for the
/// five variants; the Ready --WakeUp--> guards say which knowledge each embodiment routes on:
/// E1 the WUM the user registered beforehand, E2 the user's choice now, E3 the selector's own table,
/// E4 the installed WUMs' brand information, E5 a live query of the SWs.
/// A new instance is made per wake-up; the registration it loads is what the user did before any payment.
/// </summary>
public sealed class Selector : ModelMachine<Selector.S, Selector.T>
{
    public enum S { Unconfigured, Ready, Unregistered, Misregistered, Offering, Querying, Routing, Dispatched, RefusedNoChoice, RefusedInvalidChoice, RefusedNoCapable }
    public enum T { LoadRegistration, WakeUp, Answer, QueriesDone, Probe }

    public const string Decider = "Selector";

    private readonly World _world;
    private readonly Brand _brand;
    private RouteCursor _cursor = new([], Brand.BrandA, _ => false);
    private UserAnswer _answer = UserAnswer.Nothing;
    private string _why = "";

    public Selector(RunContext run, World world, Brand brand, IReadOnlyDictionary<string, BrandCarryingWum> wums) : base("Selector", S.Unconfigured, run)
    {
        _world = world;
        _brand = brand;
        var e = world.Embodiment;
        var offered = world.WalletOrder;
        var registered = world.Script.Preselected;

        Machine.Configure(S.Unconfigured)
            .PermitIf(T.LoadRegistration, S.Ready, () => e == Embodiment.E1 && registered is not null && offered.Contains(registered), "E1: user registered an offered WUM")
            .PermitIf(T.LoadRegistration, S.Unregistered, () => e == Embodiment.E1 && registered is null, "E1: user registered nothing")
            .PermitIf(T.LoadRegistration, S.Misregistered, () => e == Embodiment.E1 && registered is not null && !offered.Contains(registered), "E1: registered name is no WUM")
            .PermitIf(T.LoadRegistration, S.Ready, () => e != Embodiment.E1, "E2-E5: nothing to register");

        Machine.Configure(S.Unregistered).Permit(T.WakeUp, S.RefusedNoChoice);
        Machine.Configure(S.Misregistered).Permit(T.WakeUp, S.RefusedInvalidChoice);

        Machine.Configure(S.Ready)
            .PermitIf(T.WakeUp, S.Dispatched, () => e == Embodiment.E1, "E1: the registered WUM")
            .PermitIf(T.WakeUp, S.Offering, () => e == Embodiment.E2, "E2: the user chooses now")
            .PermitIf(T.WakeUp, S.Routing, () => e == Embodiment.E3, "E3: the selector's brand table")
            .PermitIf(T.WakeUp, S.Querying, () => e is Embodiment.E4 or Embodiment.E5, "E4/E5: ask WUMs or SWs");

        Machine.Configure(S.Offering)
            .OnEntry(() => Emit(new AbstractEvent.Offered(offered)), "Offered: every WUM")
            .OnExit(() => Emit(new AbstractEvent.Chose(_answer.Given)), "Chose")
            .PermitIf(T.Answer, S.Dispatched, () => _answer.Given is { } t && offered.Contains(t), "picked an offered WUM")
            .PermitIf(T.Answer, S.RefusedNoChoice, () => _answer.Given is null, "picked nothing")
            .PermitIf(T.Answer, S.RefusedInvalidChoice, () => _answer.Given is { } t && !offered.Contains(t), "picked something not offered");

        Machine.Configure(S.Querying)
            .OnEntry(() => _cursor = e == Embodiment.E4 ? AskWums(wums) : AskServers(), "Queried: installed WUMs (E4) or SWs (E5)")
            .Permit(T.QueriesDone, S.Routing);

        Machine.Configure(S.Routing)
            .OnEntryFrom(T.WakeUp, () => _cursor = FromTable(run), "read the selector table")
            .PermitIf(T.Probe, S.Dispatched, () => _cursor.Dispatchable, "knowledge lists the brand and the SW answers");
        RouteProbe.ConfigureSkips(Machine, S.Routing, T.Probe, S.RefusedNoCapable, () => _cursor, run);

        Machine.Configure(S.Dispatched)
            .OnEntryFrom(T.WakeUp, () => Dispatch(registered!, "registered by user"), "Routed: registered WUM")
            .OnEntryFrom(T.Answer, () => Dispatch(_answer.Given!, "chosen by user"), "Routed: chosen WUM")
            .OnEntryFrom(T.Probe, () => Dispatch(_cursor.Current.Wallet, _why), "Routed: first capable");
        Declared();
    }

    public string? Chosen { get; private set; }

    private void Dispatch(string wallet, string why)
    {
        Chosen = wallet;
        Emit(new AbstractEvent.Routed(Decider, wallet, why));
    }

    private RouteCursor FromTable(RunContext run)
    {
        _why = $"selector table lists {_brand}";
        var table = _world.Topology.SelectorTable;
        var candidates = _world.Topology.InRegistrationOrder(table.Keys).Select(w => new Candidate(w, table[w])).ToList();
        return new RouteCursor(candidates, _brand, _world.Answers, ignoreBrand: run.Perturbed(Perturbation.E3SelectorIgnoresBrand));
    }

    private RouteCursor AskWums(IReadOnlyDictionary<string, BrandCarryingWum> wums)
    {
        // WUMs are local: they always answer, with the brand information of the version installed now (INV-LIVE).
        var candidates = new List<Candidate>();
        foreach (var w in _world.Topology.InRegistrationOrder(wums.Keys))
        {
            var brands = wums[w].Brands ?? Brands.None;
            Emit(new AbstractEvent.Queried(w, brands.ToList()));
            candidates.Add(new Candidate(w, brands));
        }
        _why = $"installed WUM lists {_brand}";
        return new RouteCursor(candidates, _brand, _world.Answers);
    }

    private RouteCursor AskServers()
    {
        _why = $"SW advertises {_brand}";
        return new RouteCursor(LiveQuery.Ask(_world, Emit), _brand, _world.Answers);
    }

    /// <summary>Drives the selector to a dispatched WUM or a refusal.</summary>
    public Outcome? Route()
    {
        Fire(T.LoadRegistration);
        Fire(T.WakeUp);
        if (State == S.Querying) Fire(T.QueriesDone);
        if (State == S.Offering)
        {
            _answer = _world.NextAnswer();
            Fire(T.Answer);
        }
        for (var round = 0; State == S.Routing; round++)
        {
            // Each Probe consumes one candidate; a bound turns a modelling bug into an error instead of a hang.
            if (round > 10_000) throw new InvalidOperationException("selector routing does not terminate");
            Fire(T.Probe);
        }
        return State switch
        {
            S.Dispatched => null,
            S.RefusedNoChoice => new Outcome.Refused(Reason.NoChoice),
            S.RefusedInvalidChoice => new Outcome.Refused(Reason.InvalidChoice),
            _ => new Outcome.Refused(Reason.NoCapableWallet),
        };
    }
}

/// <summary>E5/E6: ask every SW, in registration order, for its brand information now (never cached).</summary>
public static class LiveQuery
{
    public static IReadOnlyList<Candidate> Ask(World world, Action<AbstractEvent> emit)
    {
        var candidates = new List<Candidate>();
        foreach (var w in world.WalletOrder)
        {
            var spec = world.Wallet(w)!;
            var listed = world.Answers(w) ? spec.Advertised : null;
            emit(new AbstractEvent.Queried(w, listed?.ToList()));
            candidates.Add(new Candidate(w, listed));
        }
        return candidates;
    }
}
