namespace MultiWallet.Impl.Protocol;

/// <summary>Why a wallet did not act on a session request (docs/DECISIONS.md, "Sessions and logins"); nothing changed at the wallet.</summary>
public enum SessionRejection
{
    /// <summary>No login, a login the wallet does not know, or a MAC that does not verify under its key.</summary>
    Unauthenticated,
    /// <summary>The session id or sequence number is missing or not well formed.</summary>
    MalformedSession,
    /// <summary>No session with this id is open (a continuation of a session never started, or long gone).</summary>
    UnknownSession,
    /// <summary>The session was started by another login: only the client that started a session may continue or end it.</summary>
    NotItsSession,
    /// <summary>A start for a session id already in use.</summary>
    SessionInUse,
    /// <summary>Neither the next request of the session nor an identical repeat of the last one.</summary>
    OutOfSequence,
}
