namespace MultiWallet.Checks.Bounded;

/// <summary>
/// One generated bad input: who receives it, how it is bad, and the message (the PC entry point reads only the body).
/// <paramref name="UnderLogin"/>: sent as a session request of the world's user login at that wallet (a fresh session id,
/// number 0 — 1 for a Deliver naming a session never started — and a valid MAC), so it passes the session guard and reaches
/// the wallet's session handling and wake-up parsing; otherwise it carries no login and is refused unauthenticated.
/// </summary>
public sealed record BadMessage(Target Target, Defect Defect, string Kind, byte[] Body, IReadOnlyDictionary<string, string> Fields, bool UnderLogin = false)
{
    /// <summary>A readable one-line description (the counterexample of a failure).</summary>
    public override string ToString() =>
        $"{Target} <- {Kind} ({Defect}{(UnderLogin ? ", under the user's login" : "")}), {Body.Length} bytes [{Convert.ToHexStringLower(Body.AsSpan(0, Math.Min(24, Body.Length)))}{(Body.Length > 24 ? "..." : "")}]"
        + (Fields.Count == 0 ? "" : " fields " + string.Join("&", Fields.Select(kv => $"{kv.Key}={kv.Value}")));
}
