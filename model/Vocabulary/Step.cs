using System.Collections.Immutable;

namespace MultiWallet.Model.Vocabulary;

/// <summary>One step of a run. WakeUp/Replay yield a prediction; the others change the world.</summary>
public abstract record Step
{
    private Step() { }

    public sealed record WakeUp(OrderId Order, Brand Brand, long Amount, WakeUpDefect Defect) : Step
    {
        public WakeUp(OrderId order, Brand brand) : this(order, brand, 1000, WakeUpDefect.None) { }
        public override string ToString() => $"WakeUp({Order}, {Brand}, {Amount}, {Defect})";
    }

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
