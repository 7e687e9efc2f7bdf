namespace MultiWallet.Impl.Protocol;

/// <summary>The typed refusal reasons of docs/DECISIONS.md (names are binding for model and impl alike).</summary>
public enum RefusalReason
{
    MalformedWakeUp,
    UnknownBrand,
    Replay,
    NoChoice,
    InvalidChoice,
    NoCapableWallet,
    BrandNotHeld,
    WalletUnreachable,
    MalformedAddress,
    UnknownAddress,
    CredentialRefused,
    Declined,
    ProtocolError,
}
