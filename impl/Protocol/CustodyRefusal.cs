namespace MultiWallet.Impl.Protocol;

/// <summary>Why a custodian did not release a credential (docs/DECISIONS.md, E8 custody).</summary>
public enum CustodyRefusal
{
    /// <summary>The request's signature or certificate chain does not verify.</summary>
    Unauthenticated,
    /// <summary>Authenticated, but not the master wallet this slave serves.</summary>
    NotItsMaster,
    /// <summary>The slave holds no certificate of the requested brand.</summary>
    BrandNotHeld,
    /// <summary>The credential was already released for this order: one transaction, one release.</summary>
    AlreadyReleased,
}
