namespace MultiWallet.Checks.Bounded;

/// <summary>A party that receives messages, as the bounded-state property addresses it.</summary>
public enum Target
{
    /// <summary>A server wallet (E1–E6 and the slaves of E7, E9–E12).</summary>
    ServerWallet,
    /// <summary>The master server wallet (E7–E12).</summary>
    Master,
    /// <summary>E8's slave custodian.</summary>
    Custodian,
    /// <summary>The user PC's entry point (its wake-up gate, through a WUM).</summary>
    PcEntry,
    /// <summary>The user PC's port for the servers' questions.</summary>
    UserPort,
    /// <summary>The merchant POS, through its public surface.</summary>
    Merchant,
    /// <summary>The payment gateway, through its public surface.</summary>
    Gateway,
}
