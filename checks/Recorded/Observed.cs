namespace MultiWallet.Checks.Recorded;

/// <summary>
/// What a recorder captured (the case header's <c>observed</c> list). A log checks only what it observed: without
/// decisions, routing, offers and custody are not judged and the model's trace is compared on its messages only; without
/// messages, the other way round; without outcomes, the outcome is not compared. Bodies are per message (optional).
/// </summary>
[Flags]
public enum Observed
{
    /// <summary>Nothing but the setup (topology and wake-ups).</summary>
    None = 0,

    /// <summary>Messages on the wire (from, to, kind; fields and digest optional).</summary>
    Messages = 1,

    /// <summary>Decisions of the components (routing, offers, custody, authorizations).</summary>
    Decisions = 2,

    /// <summary>The outcome each wake-up ended with.</summary>
    Outcomes = 4,

    /// <summary>The default when a header names nothing: messages, decisions and outcomes.</summary>
    All = Messages | Decisions | Outcomes,
}
