using System.Text.Json;
using System.Text.Json.Nodes;
using MultiWallet.Checks.Bridge;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Network.Http;
using MultiWallet.Impl.Protocol;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Sut;

/// <summary>
/// One case's world with a role played by a system under test: our own instances of the role stop listening (the
/// master, or every slave and E8 custodian), the SUT is provisioned with the case's topology and mapped in their place
/// (one HTTPS origin per address it plays), world-changing steps that concern it go through provisioning, and after each
/// wake-up its own decisions (when it serves <c>GET /provision/trace</c>) are merged into what our network observed
/// (<see cref="SutTraceMerge"/>). Our listeners trace what the SUT sends them and hold it to their down and silent marks
/// (<see cref="HttpNetwork.ObserveRemote"/>). Against a PC, the case's faults on what the PC sends are applied where our
/// parties receive it (the world's <see cref="FaultyNetwork"/> as the listeners' <see cref="HttpNetwork.Intake"/>), a crash
/// of the PC is <c>POST /provision/parties/pc/restart</c> and the PC's re-inquiry at a heal <c>POST /provision/re-inquiry</c>.
/// Against the master likewise: faults on what it sends our slaves and custodians are applied where they receive it, and
/// a crash of the master is <c>POST /provision/parties/{name}/restart</c>.
/// </summary>
public sealed class SutSession
{
    private readonly SutClient client;
    private readonly ImplBuilder built;
    private int traceSeen;
    private int requestsSeen;
    private int answersSeen;
    private bool traceServed = true;
    private int acquired;
    private int erased;

    private SutSession(SutClient client, ImplBuilder built, IReadOnlySet<Address> played)
    {
        this.client = client; this.built = built; Played = played;
    }

    /// <summary>The addresses the SUT plays.</summary>
    public IReadOnlySet<Address> Played { get; }

    /// <summary>Whether the SUT plays the user PC (wake-ups go through provisioning).</summary>
    public bool PlaysPc => client.Target.PlaysPc;

    /// <summary>Whether the SUT served its decisions (false once it answered 404).</summary>
    public bool TraceServed => traceServed;

    /// <summary>
    /// Borrowed credentials a SUT playing the master holds by its own report: its <c>CredentialAcquired</c> decisions
    /// less its <c>CredentialErased</c> ones so far. Null while it serves no trace: its erasure (INV-CUSTODY, E8) is then
    /// not observable from outside, and the campaign says so rather than reading our idle master's zero.
    /// </summary>
    public int? ReportedHeld => traceServed ? acquired - erased : null;

    /// <summary>Whether the SUT plays the master (else every slave and custodian).</summary>
    public bool PlaysMaster => client.Target.PlaysMaster;

    /// <summary>
    /// Why a case cannot be run against a SUT playing <paramref name="target"/>'s roles: a step whose position is inside
    /// the SUT (a crash the campaign cannot address to one of the SUT's parties); null when it can. Against an SSW a crash
    /// of a slave is inside it: the SUT plays several slaves behind one provisioning interface and the campaign cannot tell
    /// which of them holds the purchase's session. Against the PC or the MSW nothing is: what
    /// either sends reaches our parties (the MSW's slaves and custodians are ours), where faults and the crashes that
    /// follow a request are applied on receipt, and a crash of the SUT's own party is its provisioning restart.
    /// </summary>
    public static string? NotRunnable(IReadOnlyList<Step> steps, SutTarget target)
    {
        // Nothing of an E1–E6 case stays inside a SUT playing the PC, nor of an E7–E12 case inside one playing the master:
        // a fault or crash on a request the SUT sends (the PC's WUM sessions, SET messages and brand queries; the master's
        // SlaveStart and SlaveDeliver to our slaves, its Custody.Acquire to our custodians) is applied where our party
        // receives it (FaultyNetwork.ReceiveAsync); a crash of the SUT's own party (the PC, the master) is
        // POST /provision/parties/{name}/restart, a PC's heal its re-inquiry and an InstallWum its installation.
        // Against an SSW an E8 custodian's crash is its restart too (the crash names the custodian the request went to); a
        // slave's is not: our in-process crash restarts the slave holding the purchase's session, and which of the SUT's
        // slaves holds it is inside the SUT.
        if (!target.PlaysSlaves) return null;
        foreach (var s in steps)
            if (s is Step.Crash { Party: CrashParty.Slave })
                return $"{s}: crashes a slave of the SUT (which of its slaves holds the purchase's session is inside it)";
        return null;
    }

    /// <summary>Replaces the parties of the SUT's role in <paramref name="built"/>'s world by the SUT (provisioned for this case).</summary>
    public static SutSession Attach(ImplBuilder built, SutClient client, UserScript script)
    {
        if (built.World.Wire is not HttpNetwork net) throw new InvalidOperationException("a system under test is reached over HTTP only");
        var target = client.Target;
        if (target.Roles.Count != 1) throw new InvalidOperationException("one SUT plays one role (verify refuses several --sut)");
        var played = target.PlaysPc ? new HashSet<Address> { Address.Pc }
            : target.PlaysMaster ? new HashSet<Address> { Address.ServerWallet(built.Embodiment.Master?.Name ?? WalletNames.Msw) }
            : built.Topology.Wallets.Select(w => Address.ServerWallet(w.Name)).ToHashSet();
        net.ObserveRemote = true;
        // Every request the PC or the master sends reaches a party of ours: the case's faults on them are applied where it is received.
        if (target.PlaysPc || target.PlaysMaster) net.Intake = built.World.Network;
        foreach (var a in played) net.StopListeningAsync(a).GetAwaiter().GetResult();
        var body = target.PlaysPc ? ProvisionBody.ForPc(built, net.AddressMap, script)
            : target.PlaysMaster ? ProvisionBody.ForMaster(built, net.AddressMap) : ProvisionBody.ForSlaves(built, net.AddressMap);
        var map = client.Topology(body);
        foreach (var a in played.OrderBy(a => a.Value, StringComparer.Ordinal))
        {
            if (!map.TryGetValue(a.Value, out var url))
                throw new SutProtocolException($"/provision/topology: the answer names no URL for {a.Value}", string.Join(", ", map.Keys));
            net.MapRemote(a, url);
        }
        var session = new SutSession(client, built, played);
        // What the SUT decided while being set up (E1's registration of a WUM) is the set-up's, as in-process, where it
        // precedes the first wake-up's events: the first wake-up's merge starts after it.
        if (target.PlaysPc) session.traceSeen = client.Trace()?.Count ?? 0;
        return session;
    }

    private bool Plays(string? wallet) => wallet is not null && Played.Contains(Address.ServerWallet(wallet));

    /// <summary>What a world-changing step needs of the SUT, after our side applied it.</summary>
    public void Apply(Step step)
    {
        switch (step)
        {
            case Step.SetKnowledge sk when (client.Target.PlaysMaster && EmbodimentTraits.Of(built.Topology.Embodiment).Holder == KnowledgeHolder.Msw)
                || (client.Target.PlaysPc && EmbodimentTraits.Of(built.Topology.Embodiment).Holder == KnowledgeHolder.Selector):
                client.Knowledge(ProvisionBody.Knowledge(ImplBuilder.KnowledgeOf(built.Topology, sk.Knowledge)));
                break;
            case Step.InstallWum iw when client.Target.PlaysPc:
                client.InstallWum(new JsonObject { ["wallet"] = iw.Wallet, ["version"] = iw.Version, ["brands"] = new JsonArray([.. iw.Brands.Select(b => (JsonNode)b.Name)]) });
                break;
            case Step.SetDown sd when Plays(sd.Wallet):
                client.State(sd.Wallet, sd.Down ? "down" : "up");
                break;
            case Step.SetSilent ss when Plays(ss.Wallet):
                client.State(ss.Wallet, ss.Silent ? "silent" : "up");
                break;
            // As in-process, where a custodian's brands are its configuration and only a wallet's change (ImplBuilder.Apply).
            case Step.ChangeBrands cb when Plays(cb.Wallet) && built.World.Wallets.ContainsKey(cb.Wallet):
                client.Brands(cb.Wallet, ProvisionBody.Brands(built.World, cb.Wallet, [.. cb.Held.Select(b => b.Name)], cb.Advertised.Select(b => b.Name)));
                break;
        }
    }

    /// <summary>
    /// The PC played by the SUT pays one wake-up (<c>POST /provision/wake-up</c>); its outcome. <paramref name="armed"/>
    /// faults or crashes are armed for it: each may hold one of the PC's requests until the PC gives up on it
    /// (<see cref="FaultyNetwork.HoldBound"/>), so the call's own bound grows by that much per armed step.
    /// </summary>
    public PaymentOutcome WakeUp(byte[] wakeUp, int armed = 0)
    {
        byte[] bytes;
        try { bytes = client.WakeUp(wakeUp, HopTimeouts.Longest(built.World.Wire.Timeout) * 3 * armed); }
        finally
        {
            // A restart that failed on a listener's thread (a crash of the PC fires there) is the case's first failure.
            if (Interlocked.Exchange(ref restartFailure, null) is { } failed) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failed);
        }
        try { return PaymentOutcome.Decode(bytes); }
        catch (Exception e) when (e is Impl.Codec.SetException or JsonException or FormatException or InvalidOperationException)
        {
            throw new SutProtocolException("/provision/wake-up: the answer is not a canonical Outcome", $"POST /provision/wake-up\n→ 200 {System.Text.Encoding.UTF8.GetString(bytes)}");
        }
    }

    private Exception? restartFailure;

    /// <summary>
    /// Throws the failure of a restart that fired during the wake-up just paid by our PC (the SUT plays the master): a
    /// SUT that restarts no such party (404) makes the case not run, any other failure is the case's.
    /// </summary>
    public void ThrowRestartFailure()
    {
        if (Interlocked.Exchange(ref restartFailure, null) is { } failed) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failed);
    }

    /// <summary>
    /// The SUT's party <paramref name="name"/> crashes and restarts from what it persists (<c>POST /provision/parties/{name}/restart</c>).
    /// Called where the crash fires (on the thread of our listener that received the request it follows, or of our PC that
    /// sent it): a failure is kept and thrown by the wake-up under way (<see cref="WakeUp"/>, <see cref="ThrowRestartFailure"/>),
    /// not to the SUT's connection.
    /// </summary>
    public void Restart(string name)
    {
        try
        {
            client.Restart(name);
            // A restarted master lost its acquired credentials without erasing them (as our in-process master's count
            // reads its new instance): what it held by its report starts again from zero at this point of its trace.
            if (PlaysMaster && traceServed && client.Trace() is { } lines) lock (restartMarks) restartMarks.Enqueue(lines.Count);
        }
        catch (Exception e) when (e is SutProtocolException or SutHangException or SutUnsupportedException)
        {
            Interlocked.CompareExchange(ref restartFailure, e, null);
        }
    }

    // Where in the SUT's trace (line counts) its master restarted, in order, until Merge passes them.
    private readonly Queue<int> restartMarks = new();

    /// <summary>
    /// The PC played by the SUT re-inquires every order whose outcome it reported unknown (<c>POST /provision/re-inquiry</c>):
    /// the final answers it learned, by "MERCHANT/LID-M". What it sent doing so is held to the contract; its decisions
    /// belong to the heal, not to the next wake-up.
    /// </summary>
    public IReadOnlyDictionary<string, PaymentOutcome> ReInquire()
    {
        var answers = client.ReInquiry();
        CheckContract();
        if (traceServed) traceSeen = client.Trace()?.Count ?? traceSeen;
        return answers;
    }

    /// <summary>
    /// Holds every message the SUT sent since the last call to the contract (docs/protocol/openapi.yaml, checked by
    /// <see cref="Contract.WireContract"/> with envelopes opened by the world's recipients' keys): the requests it sent to
    /// our listeners and its answers to our parties. The first violation is a <see cref="SutProtocolException"/> with the message.
    /// </summary>
    public void CheckContract()
    {
        var net = (HttpNetwork)built.World.Wire;
        var requests = net.FromRemote;
        var answers = built.World.Network.Responses.Where(m => Played.Contains(m.From)).ToList();
        var fresh = requests.Skip(requestsSeen).Select(m => (m, "request")).Concat(answers.Skip(answersSeen).Select(m => (m, "response"))).ToList();
        (requestsSeen, answersSeen) = (requests.Count, answers.Count);
        if (fresh.Count == 0) return;
        // E8: a custodian's release is sealed to the master, whichever side plays it.
        var open = Contract.EnvelopeKeys.Of(built.World, built.Topology.Embodiment == Embodiment.E8 ? [built.Embodiment.Master?.Name ?? WalletNames.Msw] : []);
        foreach (var (m, direction) in fresh)
            if (Contract.WireContract.Committed.Violations(m, direction, open) is [var first, ..] all)
                throw new SutProtocolException($"the SUT's {direction} {m.Kind} {m.From.Value} -> {m.To.Value} breaks the contract ({all.Count} violation(s))",
                    $"{direction} {m.Kind} {m.From.Value} -> {m.To.Value}, fields {string.Join("&", m.Fields.Select(f => f.Key + "=" + f.Value))}, {m.Body.Length} body bytes\n  {string.Join("\n  ", all.Take(5))}");
    }

    /// <summary>The wake-up's events with the SUT's new decisions merged in (unchanged when it serves no trace).</summary>
    public IReadOnlyList<TraceEvent> Merge(IReadOnlyList<TraceEvent> ours)
    {
        if (!traceServed) return ours;
        var lines = client.Trace();
        if (lines is null) { traceServed = false; return ours; }
        var fresh = lines.Skip(traceSeen).ToList();
        traceSeen = lines.Count;
        List<SutTraceMerge.Line> parsed;
        try { parsed = [.. fresh.Select(SutTraceMerge.Parse)]; }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NullReferenceException or FormatException)
        {
            throw new SutProtocolException("/provision/trace: a line is not a trace event of docs/protocol/trace-format.md", string.Join("\n", fresh.Take(5)));
        }
        var at = traceSeen - parsed.Count;
        foreach (var d in parsed)
        {
            lock (restartMarks) while (restartMarks.TryPeek(out var mark) && mark <= at) { restartMarks.Dequeue(); acquired = erased; }
            at++;
            if (d.IsMessage || !PlaysMaster || !Played.Contains(Address.ServerWallet(d.Actor))) continue;
            if (d.What == TraceDecisions.CredentialAcquired) acquired++;
            else if (d.What == TraceDecisions.CredentialErased) erased++;
        }
        lock (restartMarks) while (restartMarks.TryPeek(out var mark) && mark <= at) { restartMarks.Dequeue(); acquired = erased; }
        // A SUT playing the PC plays every party whose decisions it reports (selector, WUMs, relay, gate, its network's
        // view of its own sends); a server wallet SUT's network also reports on our parties, which we observed ourselves.
        var actors = client.Target.PlaysPc ? null : Played.Select(a => a.WalletName!).ToHashSet(StringComparer.Ordinal);
        return SutTraceMerge.Merge(ours, parsed, actors);
    }
}
