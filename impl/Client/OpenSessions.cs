namespace MultiWallet.Impl.Client;

/// <summary>
/// The PC's persisted table of open wallet sessions (<see cref="OpenSession"/>), by session id: written before each
/// request of a session is sent, removed when the session ends with an outcome (a resumed one included), so it holds at
/// most the sessions under way (docs/DECISIONS.md, "PC restart").
/// </summary>
public sealed class OpenSessions
{
    private readonly SortedDictionary<string, OpenSession> open = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>The open sessions, by session id.</summary>
    public IReadOnlyList<OpenSession> All { get { lock (gate) return [.. open.Values]; } }

    /// <summary>How many sessions are open.</summary>
    public int Count { get { lock (gate) return open.Count; } }

    /// <summary>Writes the session's current state (replacing the previous one).</summary>
    internal void Write(OpenSession s) { lock (gate) open[s.Session] = s; }

    /// <summary>The session ended: nothing of it is kept.</summary>
    internal void Close(string session) { lock (gate) open.Remove(session); }
}
