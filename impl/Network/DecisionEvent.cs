namespace MultiWallet.Impl.Network;

/// <summary>A routing/custody/verification decision with its reason (what the abstract trace is built from). Recorded by <see cref="TraceLog.Decide"/> with its detail and reason bounded (<see cref="TraceEvent.MaxText"/>, <see cref="TraceEvent.MaxReason"/>).</summary>
public sealed record DecisionEvent(int Seq, string Actor, string What, IReadOnlyDictionary<string, string> Detail, string Reason)
    : TraceEvent(Seq)
{
    /// <inheritdoc/>
    public override string Render()
    {
        var f = RenderFields(Detail);
        return $"{Seq:000} * {Actor}  {What}" + (f.Length > 0 ? "  " + f : "") + (Reason.Length > 0 ? $"  ({Reason})" : "");
    }
}
