using System.Text.Json;
using MultiWallet.Checks.Bridge;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Network.Http;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Sut;

/// <summary>
/// One case's world with a role played by a system under test: our own instance of the role stops listening, the SUT is
/// provisioned with the case's topology and mapped in its place, world-changing steps that concern it go through
/// provisioning, and after each wake-up its own decisions (when it serves <c>GET /provision/trace</c>) are merged into
/// what our network observed (<see cref="SutTraceMerge"/>). Our listeners trace what the SUT sends them and hold it to
/// their down and silent marks (<see cref="HttpNetwork.ObserveRemote"/>).
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

    private SutSession(SutClient client, ImplBuilder built, Address master)
    {
        this.client = client; this.built = built; Master = master;
    }

    /// <summary>The address the SUT plays.</summary>
    public Address Master { get; }

    /// <summary>Whether the SUT served its decisions (false once it answered 404).</summary>
    public bool TraceServed => traceServed;

    /// <summary>
    /// Borrowed credentials the SUT holds by its own report: its <c>CredentialAcquired</c> decisions less its
    /// <c>CredentialErased</c> ones so far. Null while it serves no trace: its erasure (INV-CUSTODY, E8) is then not
    /// observable from outside, and the campaign says so rather than reading our idle master's zero.
    /// </summary>
    public int? ReportedHeld => traceServed ? acquired - erased : null;

    /// <summary>
    /// Why a case cannot be run against a SUT at all: a step whose position is inside the SUT (a fault or crash the
    /// campaign would have to inject in a message the SUT sends, or a crash of the SUT's own party); null when it can.
    /// </summary>
    public static string? NotRunnable(IReadOnlyList<Step> steps)
    {
        foreach (var s in steps)
        {
            switch (s)
            {
                case Step.Fault f when f.At is FaultPosition.SlaveStart or FaultPosition.SlaveDeliver || ImplBuilder.KindAt(f.At) == Impl.Protocol.CustodyProtocol.Acquire:
                    return $"{s}: the position is a message the SUT sends";
                case Step.Crash c when c.Party == CrashParty.Wallet || c.Party == CrashParty.Custodian:
                    return $"{s}: crashes a party of the SUT, or fires on a message the SUT sends";
                case Step.Crash c when c.After is FaultPosition.SlaveStart or FaultPosition.SlaveDeliver || ImplBuilder.KindAt(c.After) == Impl.Protocol.CustodyProtocol.Acquire:
                    return $"{s}: the position is a message the SUT sends";
            }
        }
        return null;
    }

    /// <summary>Replaces the master of <paramref name="built"/>'s world by the SUT (provisioned for this case).</summary>
    public static SutSession Attach(ImplBuilder built, SutClient client)
    {
        if (built.World.Wire is not HttpNetwork net) throw new InvalidOperationException("a system under test is reached over HTTP only");
        var master = Address.ServerWallet(built.Embodiment.Master?.Name ?? WalletNames.Msw);
        net.ObserveRemote = true;
        net.StopListeningAsync(master).GetAwaiter().GetResult();
        var map = client.Topology(ProvisionBody.ForMaster(built, net.AddressMap));
        if (!map.TryGetValue(master.Value, out var url))
            throw new SutProtocolException($"/provision/topology: the answer names no URL for {master.Value}", string.Join(", ", map.Keys));
        net.MapRemote(master, url);
        return new SutSession(client, built, master);
    }

    /// <summary>What a world-changing step needs of the SUT, after our side applied it.</summary>
    public void Apply(Step step)
    {
        switch (step)
        {
            case Step.SetKnowledge sk when EmbodimentTraits.Of(built.Topology.Embodiment).Holder == KnowledgeHolder.Msw:
                client.Knowledge(ProvisionBody.Knowledge(ImplBuilder.KnowledgeOf(built.Topology, sk.Knowledge)));
                break;
            case Step.SetDown sd when sd.Wallet == Master.WalletName:
                client.State(sd.Wallet, sd.Down ? "down" : "up");
                break;
            case Step.SetSilent ss when ss.Wallet == Master.WalletName:
                client.State(ss.Wallet, ss.Silent ? "silent" : "up");
                break;
        }
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
        var answers = built.World.Network.Responses.Where(m => m.From == Master).ToList();
        var fresh = requests.Skip(requestsSeen).Select(m => (m, "request")).Concat(answers.Skip(answersSeen).Select(m => (m, "response"))).ToList();
        (requestsSeen, answersSeen) = (requests.Count, answers.Count);
        if (fresh.Count == 0) return;
        var open = Contract.EnvelopeKeys.Of(built.World, built.Topology.Embodiment == Embodiment.E8 ? [Master.WalletName!] : []);
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
        foreach (var d in parsed.Where(l => !l.IsMessage && l.Actor == Master.WalletName))
        {
            if (d.What == TraceDecisions.CredentialAcquired) acquired++;
            else if (d.What == TraceDecisions.CredentialErased) erased++;
        }
        return SutTraceMerge.Merge(ours, parsed, Master.WalletName!);
    }
}
