using System.Text.RegularExpressions;
using MultiWallet.Model.Machines;
using MultiWallet.Model.Set;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Model.Server;

/// <summary>
/// The master server wallet of E7–E12. It pays itself whenever it holds the brand; otherwise the
/// embodiment decides how it finds a slave: its brand information (E7, E8), the user's pick among SSW
/// information (E9: the MSW's, E12: the client's), a typed address (E10), or the client's brand
/// information (E11). It then proxies the session through its virtual WUM (E7, E9–E12) or, in E8,
/// acquires the slave's credential, pays itself and erases the credential.
/// Client-supplied information only routes: the slave still refuses a brand it lacks.
/// </summary>
public sealed partial class MasterServerWallet : ModelMachine<MasterServerWallet.S, MasterServerWallet.T>
{
    public enum S
    {
        Received, PayingItself, ResolvingByBrandInfo, ResolvingByUserChoice, ResolvingByAddress, ResolvingByClientInfo,
        ConnectingSlave, Proxying, AcquiringCredential, Paying, Erased, Done,
        RefusedNoCapable, RefusedNoChoice, RefusedInvalidChoice, RefusedMalformedAddress, RefusedUnknownAddress, RefusedUnreachable, RefusedCredential,
    }
    public enum T { Resolve, Probe, Answer, Connect, Release, Finish }

    public const string AddressScheme = "ssw://";

    private readonly World world;
    private readonly Brand brand;
    private readonly WakeUpDefect defect;
    private RouteCursor cursor = new([], Brand.BrandA, _ => false);
    private UserAnswer answer = UserAnswer.Nothing;
    private string why = "";
    private bool released;
    private bool completed;
    private bool declined;

    [GeneratedRegex("^ssw://([A-Za-z0-9-]+)$")]
    private static partial Regex AddressForm();

    /// <summary>The slave named by a typed address, or null when the text is not of the form ssw://&lt;name&gt;.</summary>
    public static string? ParseAddress(string text) => AddressForm().Match(text) is { Success: true } m ? m.Groups[1].Value : null;

    public MasterServerWallet(RunContext run, World world, Brand brand, WakeUpDefect defect) : base("MasterServerWallet", S.Received, run)
    {
        this.world = world;
        this.brand = brand;
        this.defect = defect;
        var traits = world.Traits;
        var topo = world.Topology;
        var typesAddress = traits.Asks == UserPrompt.TypedAddress;
        bool HoldsIt() => !run.Perturbed(Perturbation.MswIgnoresOwnBrand) && world.Holds(WalletNames.Msw, brand);
        IReadOnlyList<string> options = topo.InRegistrationOrder(world.InForce.Ssws);
        string? Typed() => answer.Given;
        bool RoutesOnTableOf(KnowledgeHolder holder) => traits.RoutesOnStaticTable && traits.Holder == holder;
        string? Addressed() => Typed() is { } t ? ParseAddress(t) : null;

        Machine.Configure(S.Received)
            .PermitIf(T.Resolve, S.PayingItself, HoldsIt, "MSW holds the brand")
            .PermitIf(T.Resolve, S.ResolvingByBrandInfo, () => !HoldsIt() && RoutesOnTableOf(KnowledgeHolder.Msw), "lacks it; E7/E8: MSW brand information")
            .PermitIf(T.Resolve, S.ResolvingByUserChoice, () => !HoldsIt() && traits.Asks == UserPrompt.AtWakeUp, "lacks it; E9/E12: user picks from SSW information")
            .PermitIf(T.Resolve, S.ResolvingByAddress, () => !HoldsIt() && typesAddress, "lacks it; E10: user types the SSW address")
            .PermitIf(T.Resolve, S.ResolvingByClientInfo, () => !HoldsIt() && RoutesOnTableOf(KnowledgeHolder.ClientWum), "lacks it; E11: client brand information");

        Machine.Configure(S.PayingItself)
            .OnEntry(() => Route(WalletNames.Msw, $"holds {brand}"), "Routed(MSW, MSW)")
            .Permit(T.Finish, S.Done);

        // E7/E8: the MSW's own brand information; first listed slave that answers. A listed slave or custodian that is down or
        // silent is skipped alike (RouteProbe): a silent one after the master's attempts, the PC kept waiting meanwhile (S4).
        Machine.Configure(S.ResolvingByBrandInfo)
            .OnEntryFrom(T.Resolve, () => cursor = Cursor(world.InForce.Table, $"brand info lists {brand}"), "read MSW brand information")
            .PermitIf(T.Probe, S.Proxying, () => cursor.Dispatchable && !traits.AcquiresCredential, "E7: lists the brand, slave answers: proxy")
            .PermitIf(T.Probe, S.AcquiringCredential, () => cursor.Dispatchable && traits.AcquiresCredential, "E8: lists the brand, slave answers: acquire credential");
        RouteProbe.ConfigureSkips(Machine, S.ResolvingByBrandInfo, T.Probe, S.RefusedNoCapable, () => cursor, run);

        // E11: the same rule on the brand information the client WUM sent.
        Machine.Configure(S.ResolvingByClientInfo)
            .OnEntryFrom(T.Resolve, () => cursor = Cursor(world.InForce.Table, $"client brand info lists {brand}"), "read client brand information")
            .PermitIf(T.Probe, S.Proxying, () => cursor.Dispatchable, "lists the brand, slave answers: proxy");
        RouteProbe.ConfigureSkips(Machine, S.ResolvingByClientInfo, T.Probe, S.RefusedNoCapable, () => cursor, run);

        // E9/E12: offer exactly the SSWs of the information, in registration order.
        Machine.Configure(S.ResolvingByUserChoice)
            .OnEntry(() => Emit(new AbstractEvent.Offered(options)), "Offered: SSWs of the information")
            .OnExit(() => Emit(new AbstractEvent.Chose(Typed())), "Chose")
            .PermitIf(T.Answer, S.ConnectingSlave, () => Typed() is { } t && options.Contains(t), "picked an offered SSW")
            .PermitIf(T.Answer, S.RefusedNoChoice, () => Typed() is null, "picked nothing")
            .PermitIf(T.Answer, S.RefusedInvalidChoice, () => Typed() is { } t && !options.Contains(t), "picked something not offered");

        // E10: the user types ssw://<name>. The MSW keeps no list of slaves (¶0153), so it can only learn
        // that nobody is at a well-formed address by trying it (ConnectingSlave); only its own name it knows.
        Machine.Configure(S.ResolvingByAddress)
            .OnExit(() => Emit(new AbstractEvent.Chose(Typed())), "Chose")
            .PermitIf(T.Answer, S.ConnectingSlave, () => Addressed() is { } n && n != WalletNames.Msw, "well-formed address of another server")
            .PermitIf(T.Answer, S.RefusedNoChoice, () => Typed() is null, "typed nothing")
            .PermitIf(T.Answer, S.RefusedMalformedAddress, () => Typed() is not null && Addressed() is null, "not of the form ssw://name")
            .PermitIf(T.Answer, S.RefusedUnknownAddress, () => Addressed() == WalletNames.Msw, "names the master itself");

        // The single slave the user's answer allows: unreachable ends the purchase (no alternative exists).
        Machine.Configure(S.ConnectingSlave)
            .OnEntryFrom(T.Answer, () => Route(
                typesAddress ? ParseAddress(Typed()!)! : Typed()!,
                typesAddress ? $"typed address {Typed()}" : "chosen by user"), "Routed: the one slave allowed")
            .PermitIf(T.Connect, S.Proxying, () => world.Answers(Target!), "slave answers")
            .PermitIf(T.Connect, S.RefusedUnreachable, () => !world.Answers(Target!) && !world.IsSilent(Target!) && (!typesAddress || world.IsSlave(Target!)), "slave down: unreachable at once")
            // A slave that accepts and never answers costs the master its three attempts (3 x 2 T), longer than the PC's wait
            // for the master (3 T): the master's Working answers keep the PC waiting, so the outcome still names the slave (S4).
            .PermitIf(T.Connect, S.RefusedUnreachable, () => world.IsSilent(Target!) && (!typesAddress || world.IsSlave(Target!)), "slave silent: unreachable after the master's attempts, the PC kept waiting (S4)")
            .PermitIf(T.Connect, S.RefusedUnknownAddress, () => typesAddress && !world.IsSlave(Target!), "E10: nobody at the typed address");

        Machine.Configure(S.Proxying)
            .OnEntryFrom(T.Probe, () => Route(cursor.Current.Wallet, why), "Routed: first capable")
            .OnEntry(() => Emit(new AbstractEvent.ProxyHop(WalletNames.Msw, Target!)), "ProxyHop via virtual WUM")
            .Permit(T.Finish, S.Done);

        // E8: certificate acquisition module.
        Machine.Configure(S.AcquiringCredential)
            .OnEntry(() =>
            {
                Route(cursor.Current.Wallet, why);
                released = new CredentialCustodian(run, world, Target!, brand).Release();
            }, "Routed; ask the custodian")
            .PermitIf(T.Release, S.Paying, () => released, "custodian released the credential")
            .PermitIf(T.Release, S.RefusedCredential, () => !released, "custodian refused");

        Machine.Configure(S.Paying)
            .OnEntry(() =>
            {
                Emit(new AbstractEvent.CredentialReleased(Target!, WalletNames.Msw));
                var purchase = new SetPurchase(run, defect);
                completed = purchase.RunToEnd();
                declined = purchase.Declined;
            }, "CredentialReleased; run SET as MSW")
            .Permit(T.Finish, run.Perturbed(Perturbation.MswSkipsErase) ? S.Done : S.Erased);

        // The key is zeroed after PRes or after any failure (DECISIONS.md, E8 custody).
        Machine.Configure(S.Erased).OnEntry(() => Emit(new AbstractEvent.CredentialErased(WalletNames.Msw)), "CredentialErased");
        Declared();
    }

    private void Probe(int round)
    {
        // Each Probe consumes one candidate; a bound turns a modelling bug into an error instead of a hang.
        if (round > 10_000) throw new InvalidOperationException("MSW routing does not terminate");
        Fire(T.Probe);
    }

    /// <summary>The wallet the MSW routed to (itself when it pays itself).</summary>
    public string? Target { get; private set; }

    private void Route(string wallet, string why)
    {
        Target = wallet;
        Emit(new AbstractEvent.Routed(WalletNames.Msw, wallet, why));
    }

    private RouteCursor Cursor(IReadOnlyDictionary<string, System.Collections.Immutable.ImmutableSortedSet<Brand>> info, string why)
    {
        this.why = why;
        var candidates = world.Topology.InRegistrationOrder(info.Keys).Select(w => new Candidate(w, info[w])).ToList();
        return new RouteCursor(candidates, brand, world.Answers);
    }

    /// <summary>
    /// Drives the MSW to its end. <paramref name="payAt"/> runs a server wallet (the MSW itself, or the
    /// slave behind the proxy) and returns its outcome.
    /// </summary>
    public Outcome Handle(Func<string, Outcome> payAt)
    {
        Fire(T.Resolve);
        for (var guard = 0; State is S.ResolvingByBrandInfo or S.ResolvingByClientInfo; guard++) Probe(guard);
        if (State is S.ResolvingByUserChoice or S.ResolvingByAddress)
        {
            answer = world.NextAnswer();
            Fire(T.Answer);
        }
        if (State == S.ConnectingSlave) Fire(T.Connect);
        switch (State)
        {
            case S.PayingItself or S.Proxying:
                if (Run.Faulted is { } faulted) faulted.Proxied = State == S.Proxying;
                var outcome = payAt(Target!);
                Fire(T.Finish);
                return outcome;
            case S.AcquiringCredential:
                Fire(T.Release);
                if (State == S.RefusedCredential) return new Outcome.Refused(Reason.CredentialRefused, Target);
                Fire(T.Finish);
                return completed && !declined ? new Outcome.Paid(WalletNames.Msw, brand)
                    : new Outcome.Refused(declined ? Reason.Declined : Run.FaultedRefusal, WalletNames.Msw);
        }
        return State switch
        {
            S.RefusedNoCapable => new Outcome.Refused(Reason.NoCapableWallet),
            S.RefusedNoChoice => new Outcome.Refused(Reason.NoChoice),
            S.RefusedInvalidChoice => new Outcome.Refused(Reason.InvalidChoice),
            S.RefusedMalformedAddress => new Outcome.Refused(Reason.MalformedAddress),
            S.RefusedUnknownAddress => new Outcome.Refused(Reason.UnknownAddress, answer.Given is { } t ? ParseAddress(t) : null),
            S.RefusedUnreachable => new Outcome.Refused(Reason.WalletUnreachable, Target),
            _ => throw new InvalidOperationException($"MSW stopped in {State}"),
        };
    }
}
