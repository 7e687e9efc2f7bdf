namespace MultiWallet.Model.Vocabulary;

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
