namespace MultiWallet.Audit.SutHost;

/// <summary>A defect `sut-host --defect` seeds, so a test can show the campaign catches it.</summary>
public enum SutDefect
{
    /// <summary>MSW, E7/E8: the brand information is read last entry first, so the last capable slave wins instead of the first.</summary>
    RouteLast,

    /// <summary>
    /// Every embodiment: the master takes a session request naming a registered login without checking its MAC, so a
    /// local process or the network opens a session with a wake-up of its own (caught by the attacker, INV-SESSION-AUTH).
    /// </summary>
    AcceptAnyMac,

    /// <summary>SSW: a slave or custodian answers for a brand it does not hold, with its first credential under that brand's name, instead of refusing BrandNotHeld.</summary>
    UnheldBrand,

    /// <summary>PC: the wake-up gate forgets what it admitted, so a replayed wake-up is paid again.</summary>
    AdmitReplay,

    /// <summary>
    /// PC: a restarted PC reads back nothing (no open session, no unknown outcome, no accepted order): a purchase whose PReq
    /// left while the PC died is never taken up, and the user is told it was not paid (caught only by a crash of the PC).
    /// </summary>
    ForgetsOnRestart,

    /// <summary>Any role: <c>PUT /provision/topology</c> answers 200 with a body that is not JSON (a protocol-level failure).</summary>
    MalformedReply,
}
