namespace MultiWallet.Checks.Attacks;

/// <summary>
/// One attack event: <paramref name="Kind"/> applied to the next message of kind <paramref name="Target"/> crossing the
/// attacker's position after the previous event fired. <paramref name="Param"/> chooses within the kind (which bit,
/// which field, how many variants).
/// </summary>
public sealed record AttackEvent(AttackKind Kind, string Target, int Param)
{
    /// <summary>Readable form, e.g. <c>FlipBit(PReq @713)</c>.</summary>
    public override string ToString() => Kind switch
    {
        AttackKind.Substitute => $"Substitute({Target}.{CanonEdit.Field(Param)})",
        AttackKind.FlipBit or AttackKind.FlipReply => $"{Kind}({Target} @{Param})",
        AttackKind.Probe => $"Probe({Target} x{Adversary.ProbeVariants(Param)})",
        _ => $"{Kind}({Target})",
    };
}
