namespace MultiWallet.Audit.Scenarios;

/// <summary>What the attacker of an attacked scenario file did and what the world held once the run had ended.</summary>
/// <param name="Position">The attacker's position (docs/THREATS.md id).</param>
/// <param name="Steps">The attack steps of the file, in order, as the campaign prints them.</param>
/// <param name="Tried">The attack steps that fired, by kind (a step aimed at a message that never crossed the position does not fire).</param>
/// <param name="Authorizations">Authorizations the gateway counted per order (LID-M) at the end of the run.</param>
/// <param name="Releases">Credentials the custodians released (E8).</param>
/// <param name="MswCredentialsHeldAtEnd">Credentials the MSW held when the user's last wake-up ended (E8).</param>
/// <param name="MswCredentialsHeldAfterBound">Credentials the MSW still held once its bounded time had passed (E8).</param>
/// <param name="Leaks">Secrets the attacker learned though its position is not entitled to them.</param>
/// <param name="Sessions">Wallet-protocol requests the attacker sent of its own.</param>
public sealed record AttackReport(string Position, IReadOnlyList<string> Steps, IReadOnlyDictionary<string, int> Tried,
    IReadOnlyDictionary<string, int> Authorizations, int Releases, int MswCredentialsHeldAtEnd, int MswCredentialsHeldAfterBound,
    IReadOnlyList<string> Leaks, int Sessions);
