namespace MultiWallet.Checks.Bounded;

/// <summary>How a generated input is bad.</summary>
public enum Defect
{
    /// <summary>The right message shape with a wrong or missing field (a wake-up with amount 0, a lower-case currency, a message with none of its fields).</summary>
    Malformed,
    /// <summary>A well-formed message cut short.</summary>
    Truncated,
    /// <summary>A well-formed message followed by 64–256 KB of trailing bytes.</summary>
    Oversized,
    /// <summary>A message that refers to a session, order or conversation the party never opened (a Deliver for an unknown session, an unsolicited answer or release, a PInitReq for an order never offered, an unknown brand).</summary>
    UnknownSession,
    /// <summary>A well-formed body under a kind the party does not serve, or the wrong message given as a wake-up.</summary>
    WrongKind,
    /// <summary>Random bytes under the party's own kind.</summary>
    RandomBytes,
}
