using MultiWallet.Model.Machines;
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

    private readonly World world;
    private readonly Brand brand;
    private RouteCursor cursor = new([], Brand.BrandA, _ => false);
    private UserAnswer answer = UserAnswer.Nothing;
    private string why = "";

    public Selector(RunContext run, World world, Brand brand, IReadOnlyDictionary<string, BrandCarryingWum> wums) : base("Selector", S.Unconfigured, run)
    {
        this.world = world;
        this.brand = brand;
        var traits = world.Traits;
        var offered = world.WalletOrder;
        var registered = world.Script.Preselected;
        bool AsksAtSetUp() => traits.Asks == UserPrompt.AtSetUp;

        Machine.Configure(S.Unconfigured)
            .PermitIf(T.LoadRegistration, S.Ready, () => AsksAtSetUp() && registered is not null && offered.Contains(registered), "E1: user registered an offered WUM")
            .PermitIf(T.LoadRegistration, S.Unregistered, () => AsksAtSetUp() && registered is null, "E1: user registered nothing")
            .PermitIf(T.LoadRegistration, S.Misregistered, () => AsksAtSetUp() && registered is not null && !offered.Contains(registered), "E1: registered name is no WUM")
            .PermitIf(T.LoadRegistration, S.Ready, () => !AsksAtSetUp(), "E2-E5: nothing to register");

        Machine.Configure(S.Unregistered).Permit(T.WakeUp, S.RefusedNoChoice);
        Machine.Configure(S.Misregistered).Permit(T.WakeUp, S.RefusedInvalidChoice);

        Machine.Configure(S.Ready)
            .PermitIf(T.WakeUp, S.Dispatched, AsksAtSetUp, "E1: the registered WUM")
            .PermitIf(T.WakeUp, S.Offering, () => traits.Asks == UserPrompt.AtWakeUp, "E2: the user chooses now")
            .PermitIf(T.WakeUp, S.Routing, () => traits.Holder == KnowledgeHolder.Selector, "E3: the selector's brand table")
            .PermitIf(T.WakeUp, S.Querying, () => traits.Holder is KnowledgeHolder.InstalledWums or KnowledgeHolder.LiveQuery, "E4/E5: ask WUMs or SWs");

        Machine.Configure(S.Offering)
            .OnEntry(() => Emit(new AbstractEvent.Offered(offered)), "Offered: every WUM")
            .OnExit(() => Emit(new AbstractEvent.Chose(answer.Given)), "Chose")
            .PermitIf(T.Answer, S.Dispatched, () => answer.Given is { } t && offered.Contains(t), "picked an offered WUM")
            .PermitIf(T.Answer, S.RefusedNoChoice, () => answer.Given is null, "picked nothing")
            .PermitIf(T.Answer, S.RefusedInvalidChoice, () => answer.Given is { } t && !offered.Contains(t), "picked something not offered");

        Machine.Configure(S.Querying)
            .OnEntry(() => cursor = traits.Holder == KnowledgeHolder.InstalledWums ? AskWums(wums) : AskServers(), "Queried: installed WUMs (E4) or SWs (E5)")
            .Permit(T.QueriesDone, S.Routing);

        Machine.Configure(S.Routing)
            .OnEntryFrom(T.WakeUp, () => cursor = FromTable(run), "read the selector table")
            .PermitIf(T.Probe, S.Dispatched, () => cursor.Dispatchable, "knowledge lists the brand and the SW answers");
        RouteProbe.ConfigureSkips(Machine, S.Routing, T.Probe, S.RefusedNoCapable, () => cursor, run);

        Machine.Configure(S.Dispatched)
            .OnEntryFrom(T.WakeUp, () => Dispatch(registered!, "registered by user"), "Routed: registered WUM")
            .OnEntryFrom(T.Answer, () => Dispatch(answer.Given!, "chosen by user"), "Routed: chosen WUM")
            .OnEntryFrom(T.Probe, () => Dispatch(cursor.Current.Wallet, why), "Routed: first capable");
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
        why = $"selector table lists {brand}";
        var table = world.InForce.Table;
        var candidates = world.Topology.InRegistrationOrder(table.Keys).Select(w => new Candidate(w, table[w])).ToList();
        return new RouteCursor(candidates, brand, world.Answers, ignoreBrand: run.Perturbed(Perturbation.E3SelectorIgnoresBrand));
    }

    private RouteCursor AskWums(IReadOnlyDictionary<string, BrandCarryingWum> wums)
    {
        // WUMs are local: they always answer, with the brand information of the version installed now (INV-LIVE).
        var candidates = new List<Candidate>();
        foreach (var w in world.Topology.InRegistrationOrder(wums.Keys))
        {
            var brands = wums[w].Brands ?? Brands.None;
            Emit(new AbstractEvent.Queried(w, brands.ToList()));
            candidates.Add(new Candidate(w, brands));
        }
        why = $"installed WUM lists {brand}";
        return new RouteCursor(candidates, brand, world.Answers);
    }

    private RouteCursor AskServers()
    {
        why = $"SW advertises {brand}";
        return new RouteCursor(LiveQuery.Ask(world, Emit), brand, world.Answers);
    }

    /// <summary>Drives the selector to a dispatched WUM or a refusal.</summary>
    public Outcome? Route()
    {
        Fire(T.LoadRegistration);
        Fire(T.WakeUp);
        if (State == S.Querying) Fire(T.QueriesDone);
        if (State == S.Offering)
        {
            answer = world.NextAnswer();
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
