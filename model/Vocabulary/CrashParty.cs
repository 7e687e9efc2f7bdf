namespace MultiWallet.Model.Vocabulary;

/// <summary>A party a generated crash step restarts (DECISIONS.md, "Rules for the fault model", crash rows).</summary>
public enum CrashParty
{
    /// <summary>The merchant: restarts from its order table.</summary>
    Merchant,
    /// <summary>The payment gateway: restarts from its ledger.</summary>
    Gateway,
    /// <summary>The wallet the PC's session is with: the server wallet (E1–E6) or the master (E7–E12); restarts from its transaction log (and, a master, its proxied sessions' routing).</summary>
    Wallet,
    /// <summary>E7, E9–E12: the slave running a proxied session; restarts from its transaction log.</summary>
    Slave,
    /// <summary>E8: the custodian that released the credential; restarts from its credentials, release records and the releases it sent.</summary>
    Custodian,
    /// <summary>The user PC (its entry point and relay): restarts from its disk (accepted orders, unknown outcomes, open sessions) and takes up each open session.</summary>
    Pc,
}
