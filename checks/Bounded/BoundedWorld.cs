using MultiWallet.Impl.Client;
using MultiWallet.Impl.Client.User;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Server;
using MultiWallet.Impl.Server.Master;
using MultiWallet.Impl.Server.Slave;
using MultiWallet.Impl.World;

namespace MultiWallet.Checks.Bounded;

/// <summary>
/// One world with every kind of receiving party on one network: a server wallet, a master wallet (E7-style,
/// proxying), an E8 custodian, the PC's entry point (a WUM with its gate) and user port, the merchant and the
/// gateway. <see cref="State"/> reads what each party keeps, through the parties' own StateSize (and, for the
/// merchant and the gateway, their public surface only).
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

    public BoundedWorld(int seed, WorldParts? parts = null)
    {
        world = new PaymentWorld(seed, parts: parts);
        wallet = world.AddServerWallet("SW-1", "BrandA");
        master = new MasterServerWallet("MSW", world.Network, world.Validator("MSW"), world.Random("sw/MSW"),
            new BrandInfoSlaveRouting("E7", [("SSW-2", new HashSet<string> { "BrandB" })], world.Trace), clock: world.Clock);
        master.AddCredential(world.Pki.Cardholder("MSW", "BrandA"));
        custodian = new CredentialCustodian("SSW-1", "MSW", world.Network, world.Validator("SSW-1"), world.Pki.ServerWallet("SSW-1"), world.Random("custodian/SSW-1"), world.Clock);
        custodian.AddCredential(world.Pki.Cardholder("SSW-1", "BrandA"));
        gate = new WakeUpGate(world.Trace, "WUM-SW-1", world.Clock);
        entry = new Wum(world.Network, wallet.At, world.PcLogin, gate: _ => gate);
        _ = new UserPort(world.Network, user, world.PcLogin);
    }

    /// <summary>What each party keeps now.</summary>
    public IReadOnlyDictionary<Target, string> State() => new Dictionary<Target, string>
    {
        [Target.ServerWallet] = $"{wallet.StateSize}",
        [Target.Master] = $"{master.StateSize}",
        [Target.Custodian] = $"{custodian.StateSize} (releases {custodian.ReleaseCount})",
        [Target.PcEntry] = $"{gate.StateSize}",
        [Target.UserPort] = $"{UserPort.StateSize} (questions put to the user {user.Log.Count})",
        [Target.Merchant] = $"{world.Merchant.StateSize} (received {world.Merchant.Received.Count}, orders {world.Merchant.Orders.Count})",
        [Target.Gateway] = $"authorizations {world.Gateway.TotalAuthorizations}",
    };

    /// <summary>Delivers the input to its party; whatever it answers or throws is not the point.</summary>
    public void Send(BadMessage m)
    {
        if (m.Target == Target.PcEntry)
        {
            entry.PayAsync(m.Body).GetAwaiter().GetResult();
            return;
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
        try { world.Network.SendAsync(new NetMessage(from, to, m.Kind, m.Body, m.Fields)).GetAwaiter().GetResult(); }
        catch (Exception) { /* a refusal by exception is still a refusal; what it left behind is what is checked */ }
    }
}
