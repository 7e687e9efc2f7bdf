using System.Collections.Concurrent;
using MultiWallet.Checks.Tampering;
using MultiWallet.Impl.Client;
using MultiWallet.Impl.Client.Selection;
using MultiWallet.Impl.Client.User;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.Set;
using MultiWallet.Impl.World;
using MultiWallet.Model.Vocabulary;
using ImplWakeUp = MultiWallet.Impl.Set.WakeUp;

namespace MultiWallet.Checks.Bridge;

/// <summary>
/// Translates the model's vocabulary into an implementation world: <see cref="Topology"/> → <see cref="TopologyConfig"/>,
/// <see cref="UserScript"/> → <see cref="ScriptedUser"/> answers, and each <see cref="Step"/> into an action on the world.
/// Advertised ≠ Held (E5/E6 lying servers) is environment: the wallet's BrandQuery answer is replaced by a
/// wrapper handler re-registered on the in-memory network.
/// </summary>
public sealed class ImplBuilder
{
    /// <summary>Merchant id the model's orders use when a topology names no merchants: the implementation's first merchant.</summary>
    public const string Merchant = PaymentWorld.MerchantId;

    /// <summary>
    /// How the bridge's per-order facts name an order: its LID-M for the first merchant (as a file without merchants writes
    /// it), <c>MERCHANT/LID-M</c> for any other (two merchants may use the same LID-M).
    /// </summary>
    public static string Key(OrderId o) => Key(o.Merchant, o.LidM);

    /// <inheritdoc cref="Key(OrderId)"/>
    public static string Key(string merchant, string lidM) => merchant == Merchant ? lidM : $"{merchant}/{lidM}";

    public PaymentWorld World { get; }
    public EmbodimentWorld Embodiment { get; }
    public ScriptedUser User { get; }
    public Topology Topology { get; }
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> advertised = new(StringComparer.Ordinal);
    private readonly Dictionary<OrderId, byte[]> sent = new();

    /// <summary>The system under test that plays a role of this world, or null when every party is ours.</summary>
    public Sut.SutSession? Sut { get; }

    private ImplBuilder(Topology t, UserScript s, int seed, EmbodimentWorld.Parts? parts, WorldTransport transport, Func<TracedNetwork, INetwork>? tap, Sut.SutClient? sut = null)
    {
        Topology = t;
        World = new PaymentWorld(seed, transport: transport, tap: tap);
        World.Network.RecordRequests = true;
        var answers = new List<string?>();
        if (t.Traits.Asks == UserPrompt.AtSetUp) answers.Add(s.Preselected);
        answers.AddRange(s.Answers.Select(a => a.Given));
        User = new ScriptedUser(answers);
        foreach (var m in t.Merchants) World.AddMerchant(m);
        Embodiment = EmbodimentWorld.Build(World, Config(t), User, parts);
        if (t.Master is { Down: true }) Embodiment.SetDown(t.Master.Name, true);
        if (t.DeclineAbove is { } limit) World.Gateway.DeclineAbove = limit;
        foreach (var (brand, own) in t.DeclineAboveByBrand) World.Gateway.DeclineAboveByBrand[brand.Name] = own;
        foreach (var (merchant, own) in t.DeclineAboveByMerchant) World.Gateway.DeclineAboveByMerchant[merchant] = own;
        foreach (var w in t.Wallets.Append(t.Master).OfType<WalletSpec>().Where(w => w.Silent)) Embodiment.SetSilent(w.Name, true);
        if (t.Traits.Holder == KnowledgeHolder.LiveQuery)
            foreach (var w in t.Wallets) InstallAdvertiser(w.Name, w.Advertised.Select(b => b.Name).ToList());
        if (sut is not null) Sut = Checks.Sut.SutSession.Attach(this, sut, s);
    }

    /// <summary>The world of a model topology and user script; <paramref name="tap"/> decorates its raw network (an attacker on the wire).</summary>
    public static ImplBuilder Build(Topology t, UserScript s, int seed, EmbodimentWorld.Parts? parts = null, WorldTransport transport = WorldTransport.InMemory, Func<TracedNetwork, INetwork>? tap = null) =>
        new(t, s, seed, parts, transport, tap);

    /// <summary>
    /// The world of a model topology over HTTP with the master wallet played by the system under test <paramref name="sut"/>;
    /// <paramref name="tap"/> decorates our side's raw network (an attacker on the links with an end of ours).
    /// </summary>
    public static ImplBuilder BuildWithSut(Topology t, UserScript s, int seed, Sut.SutClient sut, EmbodimentWorld.Parts? parts = null, Func<TracedNetwork, INetwork>? tap = null) =>
        new(t, s, seed, parts, WorldTransport.Http, tap, sut);

    /// <summary>The implementation topology of a model topology (knowledge in registration order).</summary>
    public static TopologyConfig Config(Topology t)
    {
        static IReadOnlyList<string> Names(IEnumerable<Brand> b) => b.Select(x => x.Name).ToList();
        return new TopologyConfig(
            t.Embodiment.ToString(),
            t.Wallets.Select(w => new WalletConfig(w.Name, Names(w.Held), w.Down)).ToList(),
            t.Master is null ? (t.Traits.IsMasterSlave ? new WalletConfig(WalletNames.Msw, []) : null) : new WalletConfig(t.Master.Name, Names(t.Master.Held)))
        {
            Knowledge = KnowledgeOf(t, t.Knowledge),
        };
    }

    /// <summary>The implementation's form of some knowledge of topology <paramref name="t"/> (entries in registration order).</summary>
    public static KnowledgeConfig KnowledgeOf(Topology t, Knowledge k)
    {
        static IReadOnlyList<string> Names(IEnumerable<Brand> b) => b.Select(x => x.Name).ToList();
        return k switch
        {
            Knowledge.BrandTable b => new KnowledgeConfig.BrandTable(t.InRegistrationOrder(b.Entries.Keys).Select(w => (w, Names(b.Entries[w]))).ToList()),
            Knowledge.InstalledWums w => new KnowledgeConfig.InstalledWums(t.InRegistrationOrder(w.Entries.Keys).Select(x => (x, w.Entries[x].Version, Names(w.Entries[x].Brands))).ToList()),
            // The implementation offers a list as it holds it: handed over in registration order, as the model offers it.
            Knowledge.SswList l => new KnowledgeConfig.SswList(t.InRegistrationOrder(l.Names)),
            _ => KnowledgeConfig.None,
        };
    }

    /// <summary>Makes the wallet answer BrandQuery with <paramref name="brands"/> (a lying or stale server); everything else unchanged.</summary>
    private void InstallAdvertiser(string wallet, IReadOnlyList<string> brands)
    {
        var first = !advertised.ContainsKey(wallet);
        advertised[wallet] = brands;
        if (first) Advertise(wallet);
    }

    /// <summary>Puts the advertising wrapper in front of the wallet's current instance (again after a restart, which listens anew).</summary>
    private void Advertise(string wallet)
    {
        if (!World.Wallets.TryGetValue(wallet, out var sw)) return;
        // A lying server (environment, not a fault of the system): answers brand queries with what it advertises.
        World.Wire.Listen(Address.ServerWallet(wallet), (m, ct) => m.Kind == WalletProtocol.BrandQuery
            ? Task.FromResult(m.Reply(WalletProtocol.Brands, WalletProtocol.EncodeBrands(advertised[wallet].Order(StringComparer.Ordinal).ToList()),
                new Dictionary<string, string> { ["brands"] = string.Join(',', advertised[wallet].Order(StringComparer.Ordinal)) }))
            : sw.HandleAsync(m, ct));
    }

    /// <summary>Applies a non-wake-up step to the world.</summary>
    public void Apply(Step step)
    {
        switch (step)
        {
            case Step.InstallWum iw:
                Embodiment.Installation?.Install(new BrandCarryingWum(iw.Wallet, iw.Version, iw.Brands.Select(b => b.Name).ToHashSet()));
                break;
            case Step.ChangeBrands cb:
                if (World.Wallets.ContainsKey(cb.Wallet)) Embodiment.ChangeBrands(cb.Wallet, cb.Held.Select(b => b.Name));
                if (advertised.ContainsKey(cb.Wallet)) InstallAdvertiser(cb.Wallet, cb.Advertised.Select(b => b.Name).ToList());
                break;
            case Step.SetDown sd:
                Embodiment.SetDown(sd.Wallet, sd.Down);
                break;
            case Step.SetSilent ss:
                Embodiment.SetSilent(ss.Wallet, ss.Silent);
                break;
            case Step.SetKnowledge sk:
                if (!Embodiment.ChangeKnowledge(KnowledgeOf(Topology, sk.Knowledge)))
                    throw new InvalidOperationException($"{Topology.Embodiment}'s routing holds no replaceable knowledge ({sk})");
                break;
            case Step.Fault f:
                Arm(f);
                armedForWakeUp++;
                break;
            case Step.Crash c:
                Crash(c);
                armedForWakeUp++;
                break;
        }
        Sut?.Apply(step);
    }

    // Faults and crashes armed for the next wake-up: against a PC played by a SUT each may hold one of its requests until it gives up.
    private int armedForWakeUp;

    /// <summary>Arms a crash step: the party restarts when the matching request is sent.</summary>
    private void Crash(Step.Crash c)
    {
        var at = Matches(c.After);
        Address? to = null;
        // The custodian that crashes is the one the matching request went to; the merchant is the one it went to (PReq)
        // or came from (AuthReq): with several merchants, the one of this purchase.
        // The PC's work is a caller's: once it crashed it goes no further (its restarted instance takes its sessions up).
        World.Network.Crash(m => { if (!at(m)) return false; to = c.Party == CrashParty.Merchant && !m.To.IsMerchant && m.From.IsMerchant ? m.From : m.To; return true; },
            () => Restart(c.Party, to), Label(c.After), senderStops: c.Party == CrashParty.Pc);
    }

    /// <summary>
    /// Restarts the party a crash step names, at the moment the crash fires, and returns its address (null when there is
    /// none: a slave crash in a purchase the master pays itself). The paying wallet is the one holding the purchase's session.
    /// </summary>
    private Address? Restart(CrashParty party, Address? to)
    {
        string? name = party switch
        {
            // The merchant the crashing request went to or came from (several merchants: the one of this purchase).
            CrashParty.Merchant => to is { IsMerchant: true } m && m != Address.Merchant ? m.Value : PaymentWorld.MerchantParty,
            CrashParty.Gateway => PaymentWorld.GatewayParty,
            CrashParty.Wallet when Embodiment.Master is { } m => m.Name,
            CrashParty.Custodian => to?.WalletName,
            CrashParty.Pc => EmbodimentWorld.PcParty,
            _ => World.Wallets.Where(w => w.Value.OpenSessions > 0).Select(w => w.Key).Order(StringComparer.Ordinal).FirstOrDefault(),
        };
        // A PC played by a system under test restarts through provisioning (its restarted instance takes its sessions up).
        if (party == CrashParty.Pc && Sut is { PlaysPc: true } sut)
        {
            sut.Restart(EmbodimentWorld.PcParty);
            return Address.Pc;
        }
        // So do a master and an E8 custodian played by a system under test (ours stopped listening: they are not restarted).
        if (party is CrashParty.Wallet or CrashParty.Custodian && name is not null && Sut is { } played && played.Played.Contains(Address.ServerWallet(name)))
        {
            played.Restart(name);
            return Address.ServerWallet(name);
        }
        if (name is null || !Embodiment.Restart(name)) return null;
        if (advertised.ContainsKey(name)) Advertise(name);
        return party switch
        {
            CrashParty.Merchant => to is { IsMerchant: true } m ? m : Address.Merchant,
            CrashParty.Gateway => Address.Gateway,
            CrashParty.Pc => Address.Pc,
            _ => Address.ServerWallet(name),
        };
    }

    /// <summary>The request kind a fault position names (the session positions: the session protocol's kind).</summary>
    public static string KindAt(FaultPosition at) => at switch
    {
        FaultPosition.PInitReq => PInitReq.Kind,
        FaultPosition.PReq => PReq.Kind,
        FaultPosition.AuthReq => AuthReqPayload.Kind,
        FaultPosition.InqReq => InqReq.Kind,
        FaultPosition.AuthInqReq => AuthInqReq.Kind,
        FaultPosition.AuthRevReq => AuthRevReq.Kind,
        FaultPosition.WalletStart or FaultPosition.SlaveStart => WalletProtocol.Start,
        FaultPosition.WalletDeliver or FaultPosition.SlaveDeliver => WalletProtocol.Deliver,
        FaultPosition.BrandQuery => WalletProtocol.BrandQuery,
        _ => CustodyProtocol.Acquire,
    };

    /// <summary>
    /// The requests a fault position names: a SET hop by its kind; a wallet-session hop by kind and sender (the PC, or the
    /// master towards a slave), a Deliver only when it carries the PRes.
    /// </summary>
    public static Func<NetMessage, bool> Matches(FaultPosition at)
    {
        var kind = KindAt(at);
        var master = Address.ServerWallet(WalletNames.Msw);
        return at switch
        {
            FaultPosition.WalletStart => m => m.From == Address.Pc && m.Kind is WalletProtocol.Start or ClientInfo.StartWithInfo,
            FaultPosition.SlaveStart => m => m.From == master && m.Kind is WalletProtocol.Start or ClientInfo.StartWithInfo,
            FaultPosition.WalletDeliver => m => m.From == Address.Pc && m.Kind == kind && m.Field(WalletProtocol.KindField) == PRes.Kind,
            FaultPosition.SlaveDeliver => m => m.From == master && m.Kind == kind && m.Field(WalletProtocol.KindField) == PRes.Kind,
            _ => m => m.Kind == kind,
        };
    }

    /// <summary>The position named in a fault's trace decision: only where the request kind does not name it (the session hops).</summary>
    public static string? Label(FaultPosition at) => (int)at > (int)FaultPosition.AuthRevReq ? at.ToString() : null;

    /// <summary>Arms one fault on the world's fault seam for the next matching request (used at most once).</summary>
    private void Arm(Step.Fault f)
    {
        var match = Matches(f.At);
        var label = Label(f.At);
        _ = f.Kind switch
        {
            FaultKind.Drop => World.Network.Drop(m => match(m), at: label),
            FaultKind.Delay => World.Network.Delay(m => match(m), at: label),
            FaultKind.Concurrent => World.Network.Concurrent(m => match(m), at: label),
            _ => World.Network.Duplicate(m => match(m), at: label),
        };
    }

    /// <summary>
    /// The network heals (every armed fault is gone), the merchant runs its recovery pass, and the PC re-inquires every
    /// order whose outcome it reported unknown; all on the world's time. Returns the merchant's changes and the PC's answers.
    /// </summary>
    public (int Swept, IReadOnlyDictionary<string, PaymentOutcome> Resolved) Heal()
    {
        World.Network.Heal();
        var swept = World.Run(ct => World.Merchant.ResolvePendingAsync(ct));
        foreach (var other in World.Merchants.Values.Where(m => m != World.Merchant)) swept += World.Run(ct => other.ResolvePendingAsync(ct));
        // A PC played by a system under test re-inquires through provisioning (POST /provision/re-inquiry).
        var resolved = Sut is { PlaysPc: true } sut ? sut.ReInquire() : World.Run(ct => UnknownOutcomes.For(Embodiment.Net).ResolveAsync(Embodiment.Net, ct));
        // The PC names an order MERCHANT/LID-M; the bridge's facts name it by Key.
        return (swept, resolved.ToDictionary(kv => Key(kv.Key[..kv.Key.IndexOf('/', StringComparison.Ordinal)], kv.Key[(kv.Key.IndexOf('/', StringComparison.Ordinal) + 1)..]), kv => kv.Value, StringComparer.Ordinal));
    }

    /// <summary>What the merchant's order is called when the merchant holds no order of that LID-M (it forgot it, or never had it).</summary>
    public const string NoOrder = "(no order)";

    /// <summary>
    /// Every order of every merchant, and every order a wake-up named, as its merchant and the gateway hold it now, by
    /// <see cref="Key(OrderId)"/> (an order the merchant does not hold is <see cref="NoOrder"/>: a restarted merchant that forgot it shows here).
    /// </summary>
    public IReadOnlyDictionary<string, OrderFacts> OrderFacts()
    {
        var facts = new Dictionary<string, OrderFacts>(StringComparer.Ordinal);
        var named = World.Merchants.SelectMany(m => m.Value.Orders.Keys.Select(lid => (Merchant: m.Key, Lid: lid))).Concat(sent.Keys.Select(o => (o.Merchant, Lid: o.LidM)));
        // The first merchant's orders first, as its table holds them, then the others', then those only a wake-up named.
        foreach (var (merchant, lid) in named.Distinct())
        {
            var state = World.Merchants.TryGetValue(merchant, out var pos) && pos.Orders.TryGetValue(lid, out var o) ? o.State.ToString() : NoOrder;
            facts[Key(merchant, lid)] = new OrderFacts(state, World.Gateway.Status(merchant, lid)?.ToString(), World.Gateway.Authorizations(merchant, lid));
        }
        return facts;
    }

    /// <summary>
    /// Runs one WakeUp/Replay step through the entry point; returns the implementation's outcome. The world drives it
    /// on its time: in memory a wake-up that can make no progress throws <see cref="HangException"/> (deterministic, no
    /// wall clock); over HTTP one that outlives the wall-clock limit throws <see cref="WallClockLimitException"/>.
    /// </summary>
    public PaymentOutcome Pay(Step step, Step.WakeUp wake)
    {
        byte[] bytes;
        if (step is Step.Replay r) bytes = sent[r.Order];
        else if (wake.Defect is WakeUpDefect.MissingField)
            bytes = new ImplWakeUp(wake.Order.Merchant, wake.Order.LidM, "", wake.Amount, "JPY", wake.Brand.Name).Encode(); // empty order description
        else if (!wake.Brand.IsKnown)
            // A merchant offers no order in a brand nobody knows: this initiation is forged or garbled input,
            // so the merchant's order book is not touched (an honest wake-up may follow for the same order).
            bytes = new ImplWakeUp(wake.Order.Merchant, wake.Order.LidM, "1 x book", wake.Amount, "JPY", wake.Brand.Name).Encode();
        else bytes = World.WakeUp(wake.Order.LidM, wake.Brand.Name, wake.Amount, merchant: wake.Order.Merchant);
        sent[wake.Order] = bytes;
        var armed = true;
        if (step is Step.WakeUp { Defect: WakeUpDefect.Tampered t })
            World.Network.Garble(m => armed && m.Kind == PReq.Kind, m => Tamper(m, t.Where));
        // E11/E12: what the client WUM sends with this one wake-up (a replay re-sends the same wake-up with the same information).
        if (wake.ClientInfo is { } info && !Embodiment.SendWithWakeUp(KnowledgeOf(Topology, info)))
            throw new InvalidOperationException($"{Topology.Embodiment}'s WUM sends no client information ({wake})");
        try
        {
            if (Sut is { PlaysPc: true } pc) return pc.WakeUp(bytes, armedForWakeUp);
            var outcome = World.Run(ct => Embodiment.PayAsync(bytes, ct));
            Sut?.ThrowRestartFailure();
            return outcome;
        }
        finally
        {
            armed = false;
            armedForWakeUp = 0;
            Embodiment.SendWithWakeUp(null);
            // Faults are armed for one wake-up: one it did not reach is gone after it.
            World.Network.Heal();
        }
    }

    /// <summary>The purchase request in <paramref name="m"/> tampered at <paramref name="site"/> (<see cref="PReqTampering"/>).</summary>
    public static NetMessage Tamper(NetMessage m, TamperSite site) => m with { Body = PReqTampering.Apply(PReq.Decode(m.Body), site).Encode() };
}
