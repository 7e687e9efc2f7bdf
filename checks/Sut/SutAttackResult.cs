using MultiWallet.Checks.Attacks;

namespace MultiWallet.Checks.Sut;

/// <summary>One attacked case against a system under test.</summary>
/// <param name="Index">Its index in the embodiment's attacked sequence (the in-process attacker campaign's, same seed).</param>
/// <param name="Case">The honest scenario and the attack played against it.</param>
/// <param name="Status">How it went; <see cref="SutCaseStatus.Held"/> means every attack property held.</param>
/// <param name="Property">The violated attack property's check id, when one was.</param>
/// <param name="Detail">The violation, the exchange of a protocol failure, or why it was not run.</param>
public sealed record SutAttackResult(int Index, AttackedScenario Case, SutCaseStatus Status, string? Property, string? Detail)
{
    /// <summary>Whether an attacker's event reached its position (an event whose target never crossed it acts on nothing).</summary>
    public bool Fired { get; init; }
}
