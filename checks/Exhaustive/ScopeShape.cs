namespace MultiWallet.Checks.Exhaustive;

/// <summary>The kind of step sequence a layer of a <see cref="ScopeBound"/> enumerates.</summary>
public enum ScopeShape
{
    /// <summary>Honest wake-ups: fresh orders of the layer's brands, a later one possibly a replay, on E4–E6 possibly after a change of brand information.</summary>
    Honest,
    /// <summary>One defective wake-up (unknown brand, missing field, tampered OI, PI, dual signature or certificate) and its honest retry.</summary>
    Defect,
    /// <summary>One fault program of the generator (a network fault, a recovery fault behind the faults that reach it, a session or custody hop fault, two concurrent copies or one crash) before one honest wake-up, then a heal.</summary>
    Fault,
}
