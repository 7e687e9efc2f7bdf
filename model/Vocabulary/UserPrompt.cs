namespace MultiWallet.Model.Vocabulary;

/// <summary>When an embodiment asks the user, and what for.</summary>
public enum UserPrompt
{
    /// <summary>The user is never asked.</summary>
    Never,
    /// <summary>Once, before any payment: the WUM to pay with.</summary>
    AtSetUp,
    /// <summary>At each wake-up: pick one of the offered wallets.</summary>
    AtWakeUp,
    /// <summary>At each wake-up: type the slave's address.</summary>
    TypedAddress,
}
