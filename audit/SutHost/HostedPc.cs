using System.Text.Json.Nodes;
using MultiWallet.Impl.Client;
using MultiWallet.Impl.Client.Selection;
using MultiWallet.Impl.Client.User;
using MultiWallet.Impl.Crypto;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Network.Http;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.Routing;
using MultiWallet.Impl.Set;
using Org.BouncyCastle.Security;

namespace MultiWallet.Audit.SutHost;

/// <summary>
/// The user PC of one topology (role PC, E1–E6), built from a <c>ProvisionTopology</c> body alone: the selector and its
/// WUMs (E1–E5) or the multi-server WUM (E6) with the embodiment's routing on the body's <c>knowledge</c>, the wake-up
/// gate, the relay, and the user port at <c>pc</c> answering from <c>preselected</c> (E1) and <c>answers</c>. A wake-up
/// arrives through <c>POST /provision/wake-up</c>; <c>POST /provision/parties/pc/restart</c> crashes the PC (mid-purchase
/// too: the restarted PC takes up the sessions on its disk and the pending wake-up is answered with its order's outcome),
/// <c>POST /provision/re-inquiry</c> is the PC's re-inquiry of the orders whose outcome it reported unknown.
/// </summary>
public sealed class HostedPc : IHostedRole
{
    private readonly HttpNetwork net;
    private readonly Func<IPaymentEntry> newEntry;
    private readonly ClientLogin login;
    private readonly IReplaceableKnowledge? knowledge;
    private readonly SutDefect? defect;
    private readonly Lock gate = new();
    private IPaymentEntry entry;
    private Purchase? underWay;

    /// <summary>The wake-up being paid: its order, the work of the PC instance paying it, and where its outcome goes.</summary>
    private sealed record Purchase(string? LidM, CancellationTokenSource Crash, TaskCompletionSource<PaymentOutcome> Outcome)
    {
        public Task Work { get; set; } = Task.CompletedTask;
    }

    private readonly WumBrandInfoRouting? installation;

    private HostedPc(HttpNetwork net, Func<IPaymentEntry> newEntry, ClientLogin login, ISelectorRouting routing, SutDefect? defect)
    {
        this.net = net; this.newEntry = newEntry; this.login = login; this.defect = defect;
        knowledge = routing as IReplaceableKnowledge;
        installation = routing as WumBrandInfoRouting;
        entry = newEntry();
    }

    /// <summary>The user installs a WUM (E4's installed WUMs); false when this PC routes on none.</summary>
    public bool Install(JsonObject wum)
    {
        if (installation is null) return false;
        installation.Install(new BrandCarryingWum(ProvisionMaterial.Text(wum, "wallet"), (int)wum["version"]!, wum["brands"]!.AsArray().Select(b => (string)b!).ToHashSet()));
        return true;
    }

    /// <inheritdoc/>
    public TraceLog Trace => net.Trace;

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, Uri> Addresses => new Dictionary<string, Uri> { [Address.Pc.Value] = net.AddressMap[Address.Pc] };

    /// <summary>Builds and starts the PC of the body.</summary>
    public static HostedPc Build(JsonObject body, SutDefect? defect)
    {
        var embodiment = ProvisionMaterial.Text(body, "embodiment");
        if (embodiment is not ("E1" or "E2" or "E3" or "E4" or "E5" or "E6"))
            throw new UnsupportedTopologyException($"embodiment {embodiment} has no selector or multi-server WUM");
        var roles = body["roles"]!.AsArray().Select(r => (string)r!).ToList();
        if (roles is not ["PC"]) throw new UnsupportedTopologyException($"this host plays the PC only, not {string.Join(",", roles)}");
        var clock = ProvisionMaterial.Clock(body);
        var net = ProvisionMaterial.Network(body);
        var names = body["wallets"]!.AsArray().Select(w => ProvisionMaterial.Text(w!.AsObject(), "name")).ToList();
        var keys = ProvisionMaterial.Logins(body).Where(l => ProvisionMaterial.Text(l, "client") == Impl.World.LoginIssuer.User)
            .ToDictionary(l => ProvisionMaterial.Text(l, "wallet"), l => Convert.FromBase64String(ProvisionMaterial.Text(l, "key")), StringComparer.Ordinal);
        var login = new ClientLogin(Impl.World.LoginIssuer.User, w => keys.GetValueOrDefault(w), new SecureRandom());
        // E1 asks at set-up: the registration is the user's first answer (absent preselection: none).
        var answers = new List<string?>();
        if (embodiment == "E1") answers.Add((string?)body["preselected"]);
        answers.AddRange((body["answers"]?.AsArray() ?? []).Select(a => (string?)a));
        var user = new ScriptedUser(answers);
        _ = new UserPort(net, user, login);

        var k = body["knowledge"]!.AsObject();
        var kind = ProvisionMaterial.Text(k, "kind");
        IReadOnlyList<(string, IReadOnlySet<string>)> table = kind == "BrandTable"
            ? [.. k["entries"]!.AsArray().Select(e => (ProvisionMaterial.Text(e!.AsObject(), "wallet"), (IReadOnlySet<string>)e!["brands"]!.AsArray().Select(b => (string)b!).ToHashSet()))]
            : [];
        ISelectorRouting routing;
        switch (embodiment)
        {
            case "E1":
                var preselected = new PreselectedRouting(names, net.Trace);
                preselected.Register(user);
                routing = preselected;
                break;
            case "E2": routing = new AskAtWakeUpRouting(names, user, net.Trace); break;
            case "E3": routing = new SelectorTableRouting(table, net.Trace); break;
            case "E4":
                var installed = new WumBrandInfoRouting(net.Trace, names);
                if (kind == "InstalledWums")
                    foreach (var e in k["entries"]!.AsArray().Select(e => e!.AsObject()))
                        installed.Install(new BrandCarryingWum(ProvisionMaterial.Text(e, "wallet"), (int)e["version"]!, e["brands"]!.AsArray().Select(b => (string)b!).ToHashSet()));
                routing = installed;
                break;
            case "E5": routing = new LiveBrandQueryRouting(net, Address.Pc, names, "E5", "selector"); break;
            default: routing = new LiveBrandQueryRouting(net, Address.Pc, names, "E6", MultiServerWum.DefaultName); break;
        }
        Func<string, IWakeUpGate> gate = defect == SutDefect.AdmitReplay
            ? name => new ForgetfulGate(() => new WakeUpGate(net.Trace, name, clock))
            : name => PcDisk.For(net).Gate(name, () => new WakeUpGate(net.Trace, name, clock));
        // The routing, the login keys and the user port are configuration (a restart keeps them); the gates are on the PC's disk.
        IPaymentEntry Entry() => embodiment == "E6"
            ? new MultiServerWum(net, routing, login, gate: gate)
            : new Selector(net, routing, names.Select(n => new Wum(net, Address.ServerWallet(n), login)), gate: gate);
        return new HostedPc(net, Entry, login, routing, defect);
    }

    /// <summary>
    /// Runs one wake-up through the entry point: the outcome's canonical bytes. Should the PC crash meanwhile
    /// (<see cref="RestartAsync"/>), the outcome is the one its restarted instance reports for the order.
    /// </summary>
    public async Task<byte[]> WakeUpAsync(byte[] wakeUp, CancellationToken ct)
    {
        string? lid;
        try { lid = WakeUp.Decode(wakeUp).LidM; }
        catch (Exception e) when (e is Impl.Codec.SetException or FormatException or System.Text.Json.JsonException) { lid = null; }
        var purchase = new Purchase(lid, CancellationTokenSource.CreateLinkedTokenSource(ct), new TaskCompletionSource<PaymentOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        IPaymentEntry paying;
        lock (gate) { underWay = purchase; paying = entry; }
        purchase.Work = PayAsync(paying, wakeUp, purchase);
        try { return (await purchase.Outcome.Task.WaitAsync(ct).ConfigureAwait(false)).Encode(); }
        finally
        {
            lock (gate) if (underWay == purchase) underWay = null;
            purchase.Crash.Dispose();
        }
    }

    private static async Task PayAsync(IPaymentEntry paying, byte[] wakeUp, Purchase purchase)
    {
        try { purchase.Outcome.TrySetResult(await paying.PayAsync(wakeUp, purchase.Crash.Token).ConfigureAwait(false)); }
        catch (OperationCanceledException) when (purchase.Crash.IsCancellationRequested) { } // the instance died: its restart answers
        catch (Exception e) { purchase.Outcome.TrySetException(e); }
    }

    /// <summary>
    /// The PC crashes and restarts from its disk (<see cref="PcDisk"/>: accepted orders, unknown outcomes, open sessions;
    /// docs/DECISIONS.md "PC restart"): the work in flight dies with its connections, a new entry point is built from the
    /// configuration, it takes up every open session (<see cref="WalletRelay.ResumeAsync"/>), and a wake-up under way is
    /// answered with its order's outcome (no session open for it: ProtocolError, as our in-process PC reports it).
    /// <see cref="SutDefect.ForgetsOnRestart"/> reads back a wiped disk.
    /// </summary>
    public async Task RestartAsync(CancellationToken ct)
    {
        Purchase? purchase;
        lock (gate) purchase = underWay;
        if (purchase is not null)
        {
            await purchase.Crash.CancelAsync().ConfigureAwait(false);
            await purchase.Work.ConfigureAwait(false);
        }
        if (defect == SutDefect.ForgetsOnRestart) PcDisk.Wipe(net);
        lock (gate) entry = newEntry();
        var outcomes = new Dictionary<string, PaymentOutcome>(StringComparer.Ordinal);
        foreach (var s in PcDisk.For(net).Sessions.All)
        {
            var o = await new WalletRelay(net, s.Self, s.Merchant, login).ResumeAsync(s, ct).ConfigureAwait(false);
            net.Trace.Decide(Address.Pc.Value, TraceDecisions.Outcome, new Dictionary<string, string> { ["lid-m"] = s.LidM, ["after"] = "resume" }, o.ToString());
            outcomes[s.LidM] = o;
        }
        if (purchase is not null)
            purchase.Outcome.TrySetResult(purchase.LidM is { } lid && outcomes.TryGetValue(lid, out var mine)
                ? mine
                : Refused.Because(RefusalReason.ProtocolError, null, $"the PC restarted before a wallet session for order {purchase.LidM} was open"));
    }

    /// <summary>The PC asks the merchant again about every order whose outcome it reported unknown: the final answers learned, by "MERCHANT/LID-M".</summary>
    public Task<IReadOnlyDictionary<string, PaymentOutcome>> ReInquireAsync(CancellationToken ct) => UnknownOutcomes.For(net).ResolveAsync(net, ct);

    /// <inheritdoc/>
    public bool ReplaceKnowledge(JsonObject k)
    {
        if (knowledge is null || (string?)k["kind"] != "BrandTable") return false;
        var table = k["entries"]!.AsArray().Select(e => (ProvisionMaterial.Text(e!.AsObject(), "wallet"), (IReadOnlySet<string>)e!["brands"]!.AsArray().Select(b => (string)b!).ToHashSet())).ToList();
        return knowledge.Replace(table, []);
    }

    /// <inheritdoc/>
    public bool SetState(string name, string state) => false;

    /// <inheritdoc/>
    public bool ChangeBrands(string name, IReadOnlyList<CardholderCredential> credentials) => false;

    /// <summary><see cref="SutDefect.AdmitReplay"/>: a gate that forgets every wake-up it admitted, so a replay is admitted again.</summary>
    private sealed class ForgetfulGate(Func<IWakeUpGate> fresh) : IWakeUpGate
    {
        public (WakeUp? WakeUp, Refused? Refusal) Admit(byte[] bytes) => fresh().Admit(bytes);
    }

    /// <summary>Stops the user port's listener.</summary>
    public ValueTask DisposeAsync() => net.DisposeAsync();
}
