using System.Collections.Immutable;

namespace MultiWallet.Model.Vocabulary;

/// <summary>An order is identified by (merchant id, LID-M) (DECISIONS.md).</summary>
public sealed record OrderId(string Merchant, string LidM)
{
    public override string ToString() => $"{Merchant}/{LidM}";
}

/// <summary>Where a tampered message was altered; decides which party detects it.</summary>
public enum TamperSite { OI, PI, DualSig, Cert }

/// <summary>A defect injected into one purchase: a malformed wake-up, or tampering with a SET message.</summary>
public abstract record WakeUpDefect
{
    private WakeUpDefect() { }
    public sealed record NoDefect : WakeUpDefect { public override string ToString() => "None"; }
    public sealed record MissingField : WakeUpDefect { public override string ToString() => "MissingField"; }
    public sealed record Tampered(TamperSite Where) : WakeUpDefect { public override string ToString() => $"Tampered({Where})"; }

    public static readonly WakeUpDefect None = new NoDefect();
    public static readonly WakeUpDefect Missing = new MissingField();

    /// <summary>The merchant verifies order information, dual signature and certificate chain at PReq.</summary>
    public bool DetectedByMerchant => this is Tampered { Where: TamperSite.OI or TamperSite.DualSig or TamperSite.Cert };
    /// <summary>Only the gateway can read (and so verify) the payment instructions.</summary>
    public bool DetectedByGateway => this is Tampered { Where: TamperSite.PI };
}

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
}
