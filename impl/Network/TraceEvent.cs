namespace MultiWallet.Impl.Network;

/// <summary>One line of the trace: a message on the wire or a decision a component took.</summary>
public abstract record TraceEvent(int Seq)
{
    public abstract string Render();

    internal static string RenderFields(IReadOnlyDictionary<string, string> fields) =>
        string.Join(' ', fields.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"));
}

/// <summary>A request or response seen by the network. Digest = first 16 hex chars of SHA-256(body).</summary>
public sealed record MessageEvent(int Seq, Address From, Address To, string Kind, IReadOnlyDictionary<string, string> Fields, string Digest)
    : TraceEvent(Seq)
{
    public override string Render()
    {
        var f = RenderFields(Fields);
        return $"{Seq:000} {From} -> {To}  {Kind}" + (f.Length > 0 ? "  " + f : "") + $"  #{Digest}";
    }
}

/// <summary>A routing/custody/verification decision with its reason (what the abstract trace is built from).</summary>
public sealed record DecisionEvent(int Seq, string Actor, string What, IReadOnlyDictionary<string, string> Detail, string Reason)
    : TraceEvent(Seq)
{
    public override string Render()
    {
        var f = RenderFields(Detail);
        return $"{Seq:000} * {Actor}  {What}" + (f.Length > 0 ? "  " + f : "") + (Reason.Length > 0 ? $"  ({Reason})" : "");
    }
}
