namespace MultiWallet.Checks.Catalog;

/// <summary>What sort of evidence a check gives; the audit runs the kinds as phases in this order.</summary>
public enum CheckKind
{
    /// <summary>A structural check of the model or of the catalog itself.</summary>
    Model,

    /// <summary>A fixed, hand-written example against the implementation.</summary>
    Example,

    /// <summary>An independent tool (openssl) checks our artifacts.</summary>
    Interop,

    /// <summary>An invariant over generated scenarios.</summary>
    Property,

    /// <summary>A canonical scenario whose trace is compared with its committed snapshot.</summary>
    Trace,

    /// <summary>A seeded wrong component the suite must catch.</summary>
    Fault,
}
