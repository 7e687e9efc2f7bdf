namespace MultiWallet.Audit.SutHost;

/// <summary>A routing defect `sut-host --defect` seeds in the hosted master, so a test can show the campaign catches it.</summary>
public enum SutDefect
{
    /// <summary>E7/E8: the brand information is read last entry first, so the last capable slave wins instead of the first.</summary>
    RouteLast,
}
