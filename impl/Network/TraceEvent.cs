namespace MultiWallet.Impl.Network;

/// <summary>One line of the trace: a message on the wire or a decision a component took.</summary>
public abstract record TraceEvent(int Seq)
{
    /// <summary>The event as one stable line of text.</summary>
    public abstract string Render();

    internal static string RenderFields(IReadOnlyDictionary<string, string> fields) =>
        string.Join(' ', fields.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"));
}
