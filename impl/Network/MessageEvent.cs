namespace MultiWallet.Impl.Network;

/// <summary>A request or response seen by the network. Digest = first 16 hex chars of SHA-256(body). Recorded by <see cref="TraceLog.Message"/> with its addresses, kind and fields bounded (<see cref="TraceEvent.MaxText"/>, <see cref="TraceEvent.MaxFields"/>).</summary>
public sealed record MessageEvent(int Seq, Address From, Address To, string Kind, IReadOnlyDictionary<string, string> Fields, string Digest)
    : TraceEvent(Seq)
{
    /// <inheritdoc/>
    public override string Render()
    {
        var f = RenderFields(Fields);
        return $"{Seq:000} {From} -> {To}  {Kind}" + (f.Length > 0 ? "  " + f : "") + $"  #{Digest}";
    }
}
