namespace MultiWallet.Model.Vocabulary;

/// <summary>Where a tampered message was altered; decides which party detects it.</summary>
public enum TamperSite { OI, PI, DualSig, Cert }
