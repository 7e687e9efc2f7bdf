namespace MultiWallet.Audit.Scenarios;

/// <summary>State facts of the implementation right after one wake-up: what an auditor looks for besides the outcome.</summary>
/// <param name="Orders">Every order the merchant holds or a wake-up named, by LID-M: the merchant's state, the gateway's record and its standing authorizations.</param>
/// <param name="AuthorizationsTotal">Standing authorizations at the gateway over all orders.</param>
/// <param name="MswCredentialsHeld">Credentials the MSW acquired from custodians and still holds (E8; 0 elsewhere).</param>
/// <param name="CustodianReleases">Credentials each custodian released so far, by wallet (E8).</param>
public sealed record WakeUpState(
    IReadOnlyList<OrderState> Orders,
    int AuthorizationsTotal,
    int MswCredentialsHeld,
    IReadOnlyList<CustodianReleases> CustodianReleases);

/// <summary>One order's state after a wake-up.</summary>
/// <param name="Order">LID-M.</param>
/// <param name="Merchant">The merchant's order state.</param>
/// <param name="Gateway">The gateway's record of it, or null when it never heard of it.</param>
/// <param name="Authorizations">Standing authorizations of the order.</param>
public sealed record OrderState(string Order, string Merchant, string? Gateway, int Authorizations);

/// <summary>How many credentials one custodian released.</summary>
/// <param name="Wallet">The custodian (an SSW).</param>
/// <param name="Releases">Releases so far.</param>
public sealed record CustodianReleases(string Wallet, int Releases);
