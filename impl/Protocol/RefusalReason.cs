namespace MultiWallet.Impl.Protocol;

/// <summary>The typed refusal reasons of docs/DECISIONS.md (names are binding for model and impl alike).</summary>
public enum RefusalReason
{
    /// <summary>The wake-up does not parse or has an invalid field.</summary>
    MalformedWakeUp,
    /// <summary>The wake-up names a brand nobody knows.</summary>
    UnknownBrand,
    /// <summary>The order was already accepted, paid or authorized once.</summary>
    Replay,
    /// <summary>The user chose nothing when asked.</summary>
    NoChoice,
    /// <summary>The user chose something that was not offered.</summary>
    InvalidChoice,
    /// <summary>No wallet is known to hold the brand, or every capable one was unreachable.</summary>
    NoCapableWallet,
    /// <summary>The wallet routed to holds no credential of the brand.</summary>
    BrandNotHeld,
    /// <summary>The wallet the user picked (or that was running the session) did not answer.</summary>
    WalletUnreachable,
    /// <summary>The typed address is not of the form ssw://NAME (E10).</summary>
    MalformedAddress,
    /// <summary>No party is at the typed address (E10).</summary>
    UnknownAddress,
    /// <summary>The slave custodian refused to release the credential (E8).</summary>
    CredentialRefused,
    /// <summary>The gateway declined the authorization.</summary>
    Declined,
    /// <summary>A SET party rejected a message (the cause says which check failed where).</summary>
    ProtocolError,
}
