namespace MultiWallet.Impl.Network;

/// <summary>
/// The name of every decision a component records with <see cref="TraceLog.Decide"/>: the vocabulary the
/// trace bridge, the invariants and the committed snapshots read. Each name is defined once here so a
/// recorder and a reader cannot drift apart; the values are part of the trace format and do not change.
/// </summary>
public static class TraceDecisions
{
    /// <summary>The PC's wake-up gate (WUM, selector, multi-server WUM) admitted a wake-up.</summary>
    public const string WakeUp = "WakeUp";

    /// <summary>The PC's wake-up gate refused a wake-up (malformed, unknown brand, replay); nothing is sent.</summary>
    public const string RefuseWakeUp = "RefuseWakeUp";

    /// <summary>A routing strategy offered the user these options (E1, E2, E9, E12).</summary>
    public const string Offered = "Offered";

    /// <summary>The user's answer to an offer or to the question for an address (E1, E2, E9, E10, E12).</summary>
    public const string Chose = "Chose";

    /// <summary>A routing strategy learned which brands a wallet holds (a table, a WUM, a live query, client information).</summary>
    public const string Queried = "Queried";

    /// <summary>An entry point or the master wallet sends the session to this wallet (a conventional WUM to its one SW, too).</summary>
    public const string Routed = "Routed";

    /// <summary>A routed wallet did not answer the session start and the plan allows trying the next capable one.</summary>
    public const string Skipped = "Skipped";

    /// <summary>Routing ended without a wallet (the plan's refusal, or every candidate unreachable).</summary>
    public const string Refused = "Refused";

    /// <summary>An entry point on the PC reports the outcome of one wake-up.</summary>
    public const string Outcome = "Outcome";

    /// <summary>E4: a WUM carrying brand information was installed or upgraded.</summary>
    public const string Installed = "Installed";

    /// <summary>E4: a WUM download was not newer than the installed one and changed nothing.</summary>
    public const string InstallIgnored = "InstallIgnored";

    /// <summary>A server wallet refused a wake-up for a brand it holds no credential of, before any PInitReq.</summary>
    public const string BrandNotHeld = "BrandNotHeld";

    /// <summary>A SET party (wallet, merchant, gateway) rejected a message with a typed error; its state is unchanged.</summary>
    public const string Reject = "Reject";

    /// <summary>The merchant verified a PReq (chain, dual signature, challenges, HOD) and asks the gateway to authorize.</summary>
    public const string PReqVerified = "PReqVerified";

    /// <summary>The gateway approved an authorization.</summary>
    public const string Authorized = "Authorized";

    /// <summary>The gateway declined an authorization (amount above its limit).</summary>
    public const string Declined = "Declined";

    /// <summary>The master wallet's virtual WUM opened a proxied session at a slave that answered.</summary>
    public const string ProxyHop = "ProxyHop";

    /// <summary>E8: a slave custodian released a brand credential to its master, encrypted to the master.</summary>
    public const string CredentialReleased = "CredentialReleased";

    /// <summary>E8: a slave custodian refused a credential request; nothing changed at the slave.</summary>
    public const string CredentialRefused = "CredentialRefused";

    /// <summary>E8: the master wallet obtained a slave's brand credential for one order.</summary>
    public const string CredentialAcquired = "CredentialAcquired";

    /// <summary>E8: the master wallet dropped an acquired credential when its purchase ended.</summary>
    public const string CredentialErased = "CredentialErased";

    /// <summary>Fault injection dropped a request (the sender sees a timeout).</summary>
    public const string Drop = "Drop";

    /// <summary>Fault injection rewrote a request before delivery.</summary>
    public const string Garble = "Garble";

    /// <summary>The network: a known address is down or nobody listens there.</summary>
    public const string Unreachable = "Unreachable";

    /// <summary>The network: no party is known at the address at all.</summary>
    public const string UnknownAddress = "UnknownAddress";

    /// <summary>The network: no answer within the bounded wait.</summary>
    public const string Timeout = "Timeout";

    /// <summary>The network: an answer arrived that the transport could not read.</summary>
    public const string Garbled = "Garbled";

    /// <summary>Fault injection: the request was delivered, but its answer reached the sender after the sender's timeout.</summary>
    public const string Delay = "Delay";

    /// <summary>Fault injection: the request was delivered twice.</summary>
    public const string Duplicate = "Duplicate";
    /// <summary>Fault injection: a party crashed once a request was handled, and restarted from what it persists (detail: kind, party).</summary>
    public const string Crash = "Crash";

    /// <summary>A restarted PC takes up a wallet session it persisted (DECISIONS.md, "PC restart").</summary>
    public const string SessionResumed = "SessionResumed";

    /// <summary>Fault injection: two copies of the request were in flight at the same time (the second started while the first was handled).</summary>
    public const string Concurrent = "Concurrent";

    /// <summary>A sender got no answer within the hop's bounded wait and sent the same request again (detail: kind, attempt).</summary>
    public const string Retried = "Retried";

    /// <summary>A receiver answered a request repeated byte for byte with the reply it recorded for the first (no second state change).</summary>
    public const string RequestRepeated = "RequestRepeated";

    /// <summary>The gateway answered an identical repeated AuthReq with the AuthRes it recorded (no second authorization).</summary>
    public const string AuthReqRepeated = "AuthReqRepeated";

    /// <summary>A session message was not acted on: a wallet rejected a request, or a client a reply (detail: why; docs/DECISIONS.md, "Sessions and logins").</summary>
    public const string SessionRejected = "SessionRejected";

    /// <summary>A wallet answered an identical repeat of a session's last request with the reply it recorded (no second step).</summary>
    public const string SessionRepeated = "SessionRepeated";

    /// <summary>A wallet answered a repeat of a request it is still working on with <c>Wallet.Working</c> (S4): the client keeps waiting.</summary>
    public const string KeptAlive = "KeptAlive";

    /// <summary>A client got <c>Wallet.Working</c> and sends the same request again (S4), within its bound of interim answers.</summary>
    public const string StillWorking = "StillWorking";

    /// <summary>The merchant does not know whether the gateway authorized (the AuthReq or its answer was lost).</summary>
    public const string AuthorizationUnknown = "AuthorizationUnknown";

    /// <summary>The merchant settled an order from the gateway's record (authorization inquiry).</summary>
    public const string Settled = "Settled";

    /// <summary>The merchant closed an order without payment (no PReq received, or nothing at the gateway).</summary>
    public const string Cancelled = "Cancelled";

    /// <summary>The gateway reversed (or voided) the authorization of an abandoned purchase.</summary>
    public const string Reversed = "Reversed";

    /// <summary>The decision the network records for a failure (the failure's own name).</summary>
    public static string Of(NetworkFailure failure) => failure switch
    {
        NetworkFailure.Unreachable => Unreachable,
        NetworkFailure.UnknownAddress => UnknownAddress,
        NetworkFailure.Timeout => Timeout,
        NetworkFailure.Garbled => Garbled,
        _ => throw new ArgumentOutOfRangeException(nameof(failure), failure, "no trace decision for this failure"),
    };
}
