namespace MultiWallet.Checks.Attacks;

/// <summary>What one attack event does to the message it fires on (docs/THREATS.md, "The attacker campaign").</summary>
public enum AttackKind
{
    /// <summary>Delivers the message, then sends it again and records the answer.</summary>
    Replay,
    /// <summary>Holds the message until the next one on the position passes (or the sender's wait expires), then delivers it.</summary>
    Reorder,
    /// <summary>Never delivers it: the sender sees a timeout.</summary>
    Drop,
    /// <summary>Delivers it, but its answer comes after the sender's wait expired.</summary>
    Delay,
    /// <summary>Delivers it twice, one after the other.</summary>
    Duplicate,
    /// <summary>Delivers two copies at the same time.</summary>
    Concurrent,
    /// <summary>Keeps it and sends it again after the wake-up ended, out of its context.</summary>
    Inject,
    /// <summary>Flips one bit anywhere in the message (ciphertext included).</summary>
    FlipBit,
    /// <summary>Flips one bit anywhere in the answer.</summary>
    FlipReply,
    /// <summary>Re-encodes the message with one field changed (brand, amount, order, merchant), at any depth it can decode.</summary>
    Substitute,
    /// <summary>Before the user's session starts, opens sessions with the ids it sees or guesses.</summary>
    SessionRace,
    /// <summary>After the user's session started, continues it with the id it sees or guesses.</summary>
    SessionHijack,
    /// <summary>Opens a session of its own with a wake-up for an order the merchant never offered.</summary>
    ForgedWakeUp,
    /// <summary>Sends many tampered variants of the message, records every answer and the state after it, then delivers the original.</summary>
    Probe,
    /// <summary>
    /// A position holding the merchant's keys answers the PInitReq with the merchant's PInitRes signed again with its own
    /// key-exchange certificate where the gateway's is: a wallet that seals the PI to it hands the merchant the card number.
    /// </summary>
    ForgeReply,
}
