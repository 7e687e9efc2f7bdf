namespace MultiWallet.Audit.SutHost;

/// <summary>A defect `sut-host --defect` seeds in the hosted master, so a test can show the campaign catches it.</summary>
public enum SutDefect
{
    /// <summary>E7/E8: the brand information is read last entry first, so the last capable slave wins instead of the first.</summary>
    RouteLast,

    /// <summary>
    /// Every embodiment: the master takes a session request naming a registered login without checking its MAC, so a
    /// local process or the network opens a session with a wake-up of its own (caught by the attacker, INV-SESSION-AUTH).
    /// </summary>
    AcceptAnyMac,
}
