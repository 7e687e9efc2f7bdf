namespace MultiWallet.Model.Vocabulary;

/// <summary>A network fault a generated step arms for one request (DECISIONS.md, "Rules for the fault model").</summary>
public enum FaultKind
{
    /// <summary>Never delivered; the sender sees a timeout.</summary>
    Drop,
    /// <summary>Delivered and handled, but the answer comes after the sender's timeout.</summary>
    Delay,
    /// <summary>Delivered twice; the sender gets the second answer.</summary>
    Duplicate,
    /// <summary>Delivered twice with both copies in flight at the same time (the second arrives while the first is handled); the sender gets the second answer.</summary>
    Concurrent,
}
