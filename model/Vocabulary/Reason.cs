namespace MultiWallet.Model.Vocabulary;

/// <summary>Typed refusal reasons of DECISIONS.md, "Outcomes of one wake-up".</summary>
public enum Reason
{
    MalformedWakeUp, UnknownBrand, Replay, NoChoice, InvalidChoice, NoCapableWallet, BrandNotHeld,
    WalletUnreachable, MalformedAddress, UnknownAddress, CredentialRefused, Declined, ProtocolError,
}
