namespace MultiWallet.Checks.Bounded;

/// <summary>One generated bad input: who receives it, how it is bad, and the message (the PC entry point reads only the body).</summary>
public sealed record BadMessage(Target Target, Defect Defect, string Kind, byte[] Body, IReadOnlyDictionary<string, string> Fields)
{
    /// <summary>A readable one-line description (the counterexample of a failure).</summary>
    public override string ToString() =>
        $"{Target} <- {Kind} ({Defect}), {Body.Length} bytes [{Convert.ToHexStringLower(Body.AsSpan(0, Math.Min(24, Body.Length)))}{(Body.Length > 24 ? "..." : "")}]"
        + (Fields.Count == 0 ? "" : " fields " + string.Join("&", Fields.Select(kv => $"{kv.Key}={kv.Value}")));
}
