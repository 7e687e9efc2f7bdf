using MultiWallet.Impl.Codec;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.Set;

namespace MultiWallet.Checks.Attacks;

/// <summary>
/// The attacker on the wire: a decorator of the raw network (beneath the fault decorator, so it sees every message as
/// sent) at one position. It learns every request and answer crossing its position (<see cref="Knowledge"/>) and plays
/// its events in order, each on the next message of its target kind it can act on. Its own messages (replays, probes,
/// sessions) go straight to the network underneath, and what it gets back is recorded for the properties to judge.
/// The same instrument runs over the in-memory and the HTTP transport.
/// </summary>
/// <param name="inner">The raw network the attacker sits on.</param>
/// <param name="attack">The position and events it plays.</param>
/// <param name="victim">The wallet whose purchases the attack is aimed at.</param>
/// <param name="merchant">The address of the merchant the MERCHANT position is (<see cref="Positions.Merchant"/>).</param>
/// <param name="knowledge">What it knows, grown by everything it sees.</param>
/// <param name="onlyVariant">When set, each probe sends only that variant: an isolated run, so every variant meets the same state.</param>
/// <param name="forgery">What the position can sign and seal again with keys it holds (the merchant's), or null.</param>
/// <param name="brands">
/// The brands a wallet is known to take (by wallet name): a forged wake-up names one of them, as a local process that
/// reads the user's wallet list would, so the wallet's session handling (not its brand table) is what must refuse it.
/// </param>
public sealed class Adversary(TracedNetwork inner, Attack attack, string victim, Address merchant, AttackerKnowledge knowledge, int? onlyVariant = null, MerchantForgery? forgery = null,
    Func<string, IReadOnlyList<string>>? brands = null) : INetwork
{
    /// <summary>The trace actor of the attacker's decisions.</summary>
    public const string Actor = "attacker";

    private static readonly int[] Offsets = [-1, -17, -40, 7];
    private readonly Lock gate = new();
    private readonly Dictionary<string, int> tried = new(StringComparer.Ordinal);
    private readonly List<IReadOnlyList<ProbeAnswer>> probes = [];
    private readonly List<SessionAttempt> sessions = [];
    private readonly List<NetMessage> stale = [];
    private int next;
    private int forged;
    private TaskCompletionSource? held;
    private NetMessage? hijacked;

    /// <summary>How many variants a probe with <paramref name="param"/> sends.</summary>
    public static int ProbeVariants(int param) => 3 + Math.Abs(param) % 4;

    /// <summary>The attacker's knowledge.</summary>
    public AttackerKnowledge Knowledge => knowledge;

    /// <summary>The observable state the attacker reads after each probe (the runner sets it once the world is built).</summary>
    public Func<string> State { get; set; } = () => "";

    /// <summary>The events that fired, counted by kind (an event whose target never crossed the position is not counted).</summary>
    public IReadOnlyDictionary<string, int> Tried { get { lock (gate) return new Dictionary<string, int>(tried); } }

    /// <summary>Every probe's answers, one list per probe event.</summary>
    public IReadOnlyList<IReadOnlyList<ProbeAnswer>> Probes { get { lock (gate) return [.. probes]; } }

    /// <summary>Every wallet-protocol request the attacker sent on its own.</summary>
    public IReadOnlyList<SessionAttempt> Sessions { get { lock (gate) return [.. sessions]; } }

    /// <inheritdoc/>
    public TimeSpan Timeout => inner.Timeout;
    /// <inheritdoc/>
    public TimeSpan TimeoutFor(NetMessage request) => inner.TimeoutFor(request);
    /// <inheritdoc/>
    public TraceLog Trace => inner.Trace;
    /// <inheritdoc/>
    public ITimeSource Time => inner.Time;

    /// <inheritdoc/>
    public void Listen(Address at, Func<NetMessage, CancellationToken, Task<NetMessage>> handler) => inner.Listen(at, handler);

    /// <inheritdoc/>
    public async Task<NetMessage> SendAsync(NetMessage request, CancellationToken ct = default)
    {
        AttackEvent? e = null;
        var sees = Positions.Sees(attack.Position, request, victim, merchant);
        lock (gate)
            if (next < attack.Events.Count && Positions.Aims(attack.Events[next].Target, request.Kind) && Positions.Fires(attack.Position, request, victim, merchant))
                e = attack.Events[next++];
        if (sees) knowledge.Learn(request.Body);
        var response = e is null ? await inner.SendAsync(request, ct).ConfigureAwait(false) : await PlayAsync(e, request, ct).ConfigureAwait(false);
        if (sees) knowledge.Learn(response.Body);
        // A held message goes out once the next message on the position passed.
        if (sees && e is null) Interlocked.Exchange(ref held, null)?.TrySetResult();
        if (sees && request.From == Address.Pc && response.Kind == PInitRes.Kind && Interlocked.Exchange(ref hijacked, null) is { } start)
            foreach (var id in Guesses(start)) await SessionAsync(AttackKind.SessionHijack, Continue(start, id, response), ct).ConfigureAwait(false);
        return response;
    }

    /// <summary>Sends what the attacker kept for after the wake-up (<see cref="AttackKind.Inject"/>); call it once a wake-up ended.</summary>
    public async Task<int> AfterWakeUpAsync(CancellationToken ct)
    {
        List<NetMessage> send;
        lock (gate) { send = [.. stale]; stale.Clear(); }
        foreach (var m in send) await OwnAsync(m, ct).ConfigureAwait(false);
        return send.Count;
    }

    private void Count(string what)
    {
        lock (gate) tried[what] = tried.GetValueOrDefault(what) + 1;
        inner.Trace.Decide(Actor, what, new Dictionary<string, string> { ["position"] = Positions.Id(attack.Position) }, "attack event");
    }

    private async Task<NetMessage> PlayAsync(AttackEvent e, NetMessage m, CancellationToken ct)
    {
        var label = e.Kind.ToString();
        switch (e.Kind)
        {
            case AttackKind.Replay:
                { Count(label); var r = await inner.SendAsync(m, ct).ConfigureAwait(false); await OwnAsync(m, ct).ConfigureAwait(false); return r; }
            case AttackKind.Reorder:
                return await ReorderAsync(m, ct).ConfigureAwait(false);
            case AttackKind.Drop:
                Count(label);
                throw new NetworkException(NetworkFailure.Timeout, m.To, "dropped by the attacker");
            case AttackKind.Delay:
                Count(label);
                await inner.SendAsync(m, ct).ConfigureAwait(false);
                await inner.Time.Delay(inner.TimeoutFor(m), ct).ConfigureAwait(false);
                throw new NetworkException(NetworkFailure.Timeout, m.To, "answer delayed past the timeout by the attacker");
            case AttackKind.Duplicate:
                Count(label);
                await inner.SendAsync(m, ct).ConfigureAwait(false);
                return await inner.SendAsync(m, ct).ConfigureAwait(false);
            case AttackKind.Concurrent:
                return await ConcurrentAsync(m, ct).ConfigureAwait(false);
            case AttackKind.Inject:
                Count(label);
                lock (gate) stale.Add(m);
                return await inner.SendAsync(m, ct).ConfigureAwait(false);
            case AttackKind.FlipBit:
                Count(label);
                return await inner.SendAsync(m with { Body = BitFlip.Flip(m.Body, Math.Abs(e.Param) % Math.Max(1, m.Body.Length)) }, ct).ConfigureAwait(false);
            case AttackKind.FlipReply:
                {
                    Count(label);
                    var r = await inner.SendAsync(m, ct).ConfigureAwait(false);
                    return r.Body.Length == 0 ? r : r with { Body = BitFlip.Flip(r.Body, Math.Abs(e.Param) % r.Body.Length) };
                }
            case AttackKind.Substitute:
                if (Edit(m, body => CanonEdit.Substitute(body, e.Param)) is not { } edited) return await inner.SendAsync(m, ct).ConfigureAwait(false);
                Count($"{label}:{CanonEdit.Field(e.Param)}");
                return await inner.SendAsync(m with { Body = edited }, ct).ConfigureAwait(false);
            case AttackKind.ForgeReply:
                {
                    var r = await inner.SendAsync(m, ct).ConfigureAwait(false);
                    if (r.Kind != PInitRes.Kind || forgery?.OwnKeyInPInitRes(r.Body) is not { } signedAgain) return r;
                    Count(label);
                    return r with { Body = signedAgain };
                }
            case AttackKind.SessionRace:
                Count(label);
                foreach (var id in Guesses(m)) await SessionAsync(e.Kind, m with { Fields = WithSession(m, id) }, ct, users: m).ConfigureAwait(false);
                return await inner.SendAsync(m, ct).ConfigureAwait(false);
            case AttackKind.SessionHijack:
                {
                    Count(label);
                    var r = await inner.SendAsync(m, ct).ConfigureAwait(false);
                    // On the wire the attacker continues the session with the merchant's answer it sees next; a local process,
                    // which sees no wire, continues each session it guesses at once with what it has.
                    if (attack.Position != AttackPosition.Local) { Interlocked.Exchange(ref hijacked, m); return r; }
                    foreach (var id in Guesses(m)) await SessionAsync(e.Kind, Continue(m, id, r with { Kind = PInitRes.Kind }), ct).ConfigureAwait(false);
                    return r;
                }
            case AttackKind.ForgedWakeUp:
                Count(label);
                await SessionAsync(e.Kind, m with { Body = Forge(m, e.Param), Fields = WithSession(m, OwnSessionId(Interlocked.Increment(ref forged))) }, ct).ConfigureAwait(false);
                return await inner.SendAsync(m, ct).ConfigureAwait(false);
            default:
                await ProbeAsync(m, e.Param, ct).ConfigureAwait(false);
                return await inner.SendAsync(m, ct).ConfigureAwait(false);
        }
    }

    private async Task<NetMessage> ReorderAsync(NetMessage m, CancellationToken ct)
    {
        Count(nameof(AttackKind.Reorder));
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Interlocked.Exchange(ref held, release)?.TrySetResult();
        try
        {
            await inner.Time.WithinAsync(Done(release.Task), inner.TimeoutFor(m), ct).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Nothing else came by before the sender gave up: the message goes out late, and its answer reaches nobody.
            Interlocked.CompareExchange(ref held, null, release);
            await inner.SendAsync(m, ct).ConfigureAwait(false);
            throw new NetworkException(NetworkFailure.Timeout, m.To, "held by the attacker past the timeout");
        }
        return await inner.SendAsync(m, ct).ConfigureAwait(false);

        static async Task<bool> Done(Task t) { await t.ConfigureAwait(false); return true; }
    }

    private async Task<NetMessage> ConcurrentAsync(NetMessage m, CancellationToken ct)
    {
        Count(nameof(AttackKind.Concurrent));
        var a = inner.SendAsync(m, ct);
        var b = inner.SendAsync(m, ct);
        try { await Task.WhenAll(a, b).ConfigureAwait(false); }
        catch (NetworkException) when (a.IsCompletedSuccessfully || b.IsCompletedSuccessfully) { }
        return a.IsCompletedSuccessfully ? a.Result : await b.ConfigureAwait(false);
    }

    /// <summary>
    /// The message's body with <paramref name="edit"/> applied where the attacker can: to the canonical body itself, or (a
    /// position holding the sender's keys) to the plaintext of the request it sealed, signed and sealed again; null when it cannot.
    /// </summary>
    private byte[]? Edit(NetMessage m, Func<byte[], byte[]?> edit)
    {
        if (forgery?.Own(m) is not { } own) return edit(m.Body);
        knowledge.Learn(own.Content);
        return edit(own.Content) is { } changed ? forgery.Reseal(m.Kind, changed, own.Brand) : null;
    }

    private async Task ProbeAsync(NetMessage m, int param, CancellationToken ct)
    {
        // Envelopes first (their ciphertext is what an oracle would read), then every other field, signatures included.
        var leaves = CanonEdit.Leaves(m.Body).OrderByDescending(l => l.Path.Contains("envelope", StringComparison.OrdinalIgnoreCase)).ToList();
        var answers = new List<ProbeAnswer>();
        if (leaves.Count > 0)
        {
            Count(nameof(AttackKind.Probe));
            for (var i = 0; i < ProbeVariants(param); i++)
            {
                if (onlyVariant is { } only && i != only) continue;
                var (path, length) = leaves[i < Offsets.Length ? 0 : (i - Offsets.Length + 1) % leaves.Count];
                var offset = Offsets[i % Offsets.Length];
                offset = offset < 0 ? Math.Max(offset, -length) : offset % length;
                var before = State();
                var r = await OwnAsync(m with { Body = CanonEdit.FlipLeaf(m.Body, path, offset) }, ct).ConfigureAwait(false);
                answers.Add(new ProbeAnswer($"{path}@{offset}", Describe(r), r is null ? "" : TraceLog.Digest(r.Body), State(), before));
            }
        }
        lock (gate) probes.Add(answers);
    }

    private static string Describe(NetMessage? r)
    {
        if (r is null) return "no answer";
        if (r.Kind != ErrorMessage.Kind) return $"{r.Kind} #{TraceLog.Digest(r.Body)}";
        try { var err = ErrorMessage.Decode(r.Body); return $"Error {err.Code}: {err.Cause}"; }
        catch (SetException) { return $"Error #{TraceLog.Digest(r.Body)}"; }
    }

    /// <summary>The session ids the attacker uses: the one it sees (network), or those it guesses from the public naming scheme (a local process).</summary>
    private IReadOnlyList<string> Guesses(NetMessage m)
    {
        var seen = m.Field(WalletProtocol.SessionField);
        if (attack.Position != AttackPosition.Local) return seen is null ? [] : [seen];
        var wallet = m.To.WalletName ?? m.To.Value;
        return [.. Enumerable.Range(1, 2).Select(k => $"WUM-{wallet}-{k:0000}")];
    }

    /// <summary>A session id of the attacker's own, well formed (32 hex digits), so only the wallet's authentication can refuse it.</summary>
    private static string OwnSessionId(int n) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes($"attacker-{n}")))[..32];

    /// <summary>
    /// The next request of the user's session <paramref name="id"/> as the attacker builds it: <paramref name="answer"/> delivered
    /// under the login and with the MAC the user's <paramref name="start"/> carried (a stale MAC: the attacker has no key), numbered
    /// as the session's next step, so only the wallet's authentication of every request can refuse it.
    /// </summary>
    private static NetMessage Continue(NetMessage start, string id, NetMessage answer)
    {
        var fields = SessionAuth.WithSeq(answer.Fields, (SessionAuth.Seq(start) ?? 0) + 1);
        fields[WalletProtocol.SessionField] = id;
        fields[WalletProtocol.KindField] = answer.Kind;
        foreach (var copied in new[] { SessionAuth.LoginField, SessionAuth.MacField })
            if (start.Field(copied) is { } v) fields[copied] = v;
        return new NetMessage(start.From, start.To, WalletProtocol.Deliver, answer.Body, fields);
    }

    private static IReadOnlyDictionary<string, string> WithSession(NetMessage m, string id) =>
        new Dictionary<string, string>(m.Fields) { [WalletProtocol.SessionField] = id };

    /// <summary>A wake-up for an order the merchant never offered, in a brand the addressed wallet takes (else the brand of the one seen, or BrandA).</summary>
    private byte[] Forge(NetMessage m, int param)
    {
        string brand;
        try { brand = WakeUp.Decode(m.Body).Brand; }
        catch (SetException) { brand = "BrandA"; }
        if (brands?.Invoke(m.To.WalletName ?? "") is { Count: > 0 } taken) brand = taken[Math.Abs(param) % taken.Count];
        return new WakeUp(Impl.World.PaymentWorld.MerchantId, $"FORGED-{Math.Abs(param) % 100}", "1 x book", 1000, "JPY", brand).Encode();
    }

    private async Task SessionAsync(AttackKind kind, NetMessage m, CancellationToken ct, NetMessage? users = null)
    {
        var r = await OwnAsync(m, ct).ConfigureAwait(false);
        var copy = users is not null && RequestDigest.Of(m) == RequestDigest.Of(users);
        lock (gate) sessions.Add(new SessionAttempt(kind, m.Kind, m.Field(WalletProtocol.SessionField) ?? "", m.To.Value, r?.Kind ?? "no answer", copy));
    }

    /// <summary>Sends a message of the attacker's own; learns the answer; a network failure is an answer too (null).</summary>
    private async Task<NetMessage?> OwnAsync(NetMessage m, CancellationToken ct)
    {
        try
        {
            var r = await inner.SendAsync(m, ct).ConfigureAwait(false);
            knowledge.Learn(r.Body);
            return r;
        }
        catch (NetworkException) { return null; }
    }
}
