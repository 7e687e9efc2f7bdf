using MultiWallet.Impl.Client;
using MultiWallet.Impl.Client.User;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.Server;
using MultiWallet.Impl.Server.Master;
using MultiWallet.Impl.Server.Slave;
using MultiWallet.Impl.World;

namespace MultiWallet.Checks.Bounded;

/// <summary>
/// One world with every kind of receiving party on one network: a server wallet, a master wallet (E7-style,
/// proxying), an E8 custodian, the PC's entry point (a WUM with its gate) and user port, the merchant and the
/// gateway. <see cref="State"/> reads what each party keeps, through the parties' own StateSize (and, for the
/// merchant and the gateway, their public surface only). The user has a login at the server wallet and at the master, as in
/// an embodiment, so an input sent under it (<see cref="BadMessage.UnderLogin"/>) passes the session guard.
/// </summary>
internal sealed class BoundedWorld
{
    private readonly PaymentWorld world;
    private readonly ServerWallet wallet;
    private readonly MasterServerWallet master;
    private readonly CredentialCustodian custodian;
    private readonly WakeUpGate gate;
    private readonly Wum entry;
    private readonly ScriptedUser user = new(["SSW-1", "ssw://SSW-1"]);
    private int sessions;

    public BoundedWorld(int seed, WorldParts? parts = null)
    {
        world = new PaymentWorld(seed, parts: parts);
        wallet = world.AddServerWallet("SW-1", "BrandA");
        master = new MasterServerWallet("MSW", world.Network, world.Validator("MSW"), world.Random("sw/MSW"),
            new BrandInfoSlaveRouting("E7", [("SSW-2", new HashSet<string> { "BrandB" })], world.Trace), clock: world.Clock,
            logins: world.Logins.Register(new WalletLogins(), LoginIssuer.User, "MSW"));
        master.AddCredential(world.Pki.Cardholder("MSW", "BrandA"));
        custodian = new CredentialCustodian("SSW-1", "MSW", world.Network, world.Validator("SSW-1"), world.Pki.ServerWallet("SSW-1"), world.Random("custodian/SSW-1"), world.Clock);
        custodian.AddCredential(world.Pki.Cardholder("SSW-1", "BrandA"));
        gate = new WakeUpGate(world.Trace, "WUM-SW-1", world.Clock);
        entry = new Wum(world.Network, wallet.At, world.PcLogin, gate: _ => gate);
        _ = new UserPort(world.Network, user, world.PcLogin);
    }

    /// <summary>
    /// What each party keeps now; with <paramref name="ownSession"/>, without the one session record the wallet or the master
    /// may keep for that session (a refused authenticated start: "Sessions and logins", S1).
    /// </summary>
    public IReadOnlyDictionary<Target, string> State(string? ownSession = null) => new Dictionary<Target, string>
    {
        [Target.ServerWallet] = $"{wallet.StateSize - (ownSession is not null && wallet.SessionLog.ContainsKey(ownSession) ? 1 : 0)}",
        [Target.Master] = $"{master.StateSize - (ownSession is not null && master.Persisted.Sessions.ContainsKey(ownSession) ? 1 : 0)}",
        [Target.Custodian] = $"{custodian.StateSize} (releases {custodian.ReleaseCount})",
        [Target.PcEntry] = $"{gate.StateSize}",
        [Target.UserPort] = $"{UserPort.StateSize} (questions put to the user {user.Log.Count})",
        [Target.Merchant] = $"{world.Merchant.StateSize} (received {world.Merchant.Received.Count}, orders {world.Merchant.Orders.Count})",
        [Target.Gateway] = $"authorizations {world.Gateway.TotalAuthorizations}",
    };

    /// <summary>Session records the server wallet and the master keep now.</summary>
    public int SessionRecords => wallet.SessionLog.Count + master.Persisted.Sessions.Count;

    /// <summary>Moves the clock past a session record's lifetime and runs every party's housekeeping sweep.</summary>
    public void PastSessionLifetime()
    {
        world.VirtualTime.Advance(ServerWallet.SessionLifetime + TimeSpan.FromSeconds(1));
        wallet.SweepExpired(); master.SweepExpired(); custodian.SweepExpired(); gate.SweepExpired();
    }

    /// <summary>
    /// Delivers the input to its party; whatever it answers or throws is not the point. Returns the session id an input
    /// under the user's login was sent with (a fresh one each time), else null.
    /// </summary>
    public string? Send(BadMessage m)
    {
        if (m.Target == Target.PcEntry)
        {
            entry.PayAsync(m.Body).GetAwaiter().GetResult();
            return null;
        }
        var to = m.Target switch
        {
            Target.ServerWallet => wallet.At,
            Target.Master => master.At,
            Target.Custodian => custodian.At,
            Target.UserPort => Address.Pc,
            Target.Merchant => Address.Merchant,
            _ => world.Gateway.At,
        };
        var from = m.Target is Target.UserPort ? master.At : Address.Pc;
        var message = new NetMessage(from, to, m.Kind, m.Body, m.Fields);
        string? session = null;
        if (m.UnderLogin)
        {
            var name = to.WalletName!;
            session = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(++sessions)))[..32];
            // A start is number 0; a Deliver names a session the login never started, as its next step.
            var fields = SessionAuth.WithSeq(m.Fields, m.Kind == WalletProtocol.Deliver ? 1 : 0);
            fields[WalletProtocol.SessionField] = session;
            fields[SessionAuth.LoginField] = LoginIssuer.User;
            message = SessionAuth.Seal(world.Logins.Key(LoginIssuer.User, name), SessionAuth.Request, name, LoginIssuer.User, message with { Fields = fields });
        }
        try { world.Network.SendAsync(message).GetAwaiter().GetResult(); }
        catch (Exception) { /* a refusal by exception is still a refusal; what it left behind is what is checked */ }
        return session;
    }
}
