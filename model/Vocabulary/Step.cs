using System.Collections.Immutable;

namespace MultiWallet.Model.Vocabulary;

/// <summary>One step of a run. WakeUp/Replay yield a prediction; the others change the world.</summary>
public abstract record Step
{
    private Step() { }

    public sealed record WakeUp(OrderId Order, Brand Brand, long Amount, WakeUpDefect Defect) : Step
    {
        public WakeUp(OrderId order, Brand brand) : this(order, brand, 1000, WakeUpDefect.None) { }

        /// <summary>
        /// E11/E12: the client information the WUM sends with this one wake-up (¶0160, ¶0172), in place of the information it
        /// holds (<see cref="SetKnowledge"/>); null: it sends what it holds. Its kind is the embodiment's knowledge kind.
        /// </summary>
        public Knowledge? ClientInfo { get; init; }

        public override string ToString() =>
            $"WakeUp({Order}, {Brand}, {Amount}, {Defect}{(ClientInfo is null ? "" : $", clientInfo={ClientInfo.Describe()}")})";
    }

    /// <summary>
    /// The routing knowledge the embodiment holds changes from the next wake-up on: the selector's table (E3), the MSW's brand
    /// or SSW information (E7, E8, E9), or the information the client WUM holds and sends with each wake-up (E11, E12).
    /// Its kind is the embodiment's knowledge kind; E4's knowledge changes by <see cref="InstallWum"/>.
    /// </summary>
    public sealed record SetKnowledge(Knowledge Knowledge) : Step { public override string ToString() => $"SetKnowledge({Knowledge.Describe()})"; }

    /// <summary>The last wake-up of this order, sent again (INV-ONCE). The order must have appeared before.</summary>
    public sealed record Replay(OrderId Order) : Step { public override string ToString() => $"Replay({Order})"; }

    /// <summary>E4: (re-)download a WUM; a newer version replaces the installed one.</summary>
    public sealed record InstallWum(string Wallet, int Version, ImmutableSortedSet<Brand> Brands) : Step
    {
        public override string ToString() => $"InstallWum({Wallet}, v{Version}, {Vocabulary.Brands.Print(Brands)})";
    }

    /// <summary>A wallet's certificates (held) and its answer to brand queries (advertised) change.</summary>
    public sealed record ChangeBrands(string Wallet, ImmutableSortedSet<Brand> Held, ImmutableSortedSet<Brand> Advertised) : Step
    {
        public override string ToString() => $"ChangeBrands({Wallet}, held={Brands.Print(Held)}, advertised={Brands.Print(Advertised)})";
    }

    public sealed record SetDown(string Wallet, bool Down) : Step { public override string ToString() => $"SetDown({Wallet}, {Down})"; }

    /// <summary>The wallet accepts requests but stops answering them (<paramref name="Silent"/> true), or answers again.</summary>
    public sealed record SetSilent(string Wallet, bool Silent) : Step { public override string ToString() => $"SetSilent({Wallet}, {Silent})"; }

    /// <summary>
    /// Arms one network fault for the next wake-up: the first request at <paramref name="At"/> is dropped, delayed past
    /// its timeout or duplicated. Several Fault steps before a wake-up arm several faults; an unused one is gone after it.
    /// </summary>
    public sealed record Fault(FaultKind Kind, FaultPosition At) : Step { public override string ToString() => $"Fault({Kind}, {At})"; }

    /// <summary>
    /// Arms one crash for the next wake-up: <paramref name="Party"/> crashes once the first request at <paramref name="After"/>
    /// was handled (by it, or, when it sent the request, by its receiver) and restarts from what it persists; every answer it
    /// owed is lost. Generated alone, before an honest fresh wake-up; one the wake-up did not reach is gone after it.
    /// </summary>
    public sealed record Crash(CrashParty Party, FaultPosition After) : Step { public override string ToString() => $"Crash({Party}, after {After})"; }

    /// <summary>
    /// The network heals: the merchant runs its recovery pass (settles orders whose authorization is unknown, retries
    /// pending reversals), then the PC re-inquires every order whose outcome it reported unknown and reports the answer.
    /// </summary>
    public sealed record Heal : Step { public override string ToString() => "Heal"; }
}
