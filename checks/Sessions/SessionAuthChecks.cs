using System.Numerics;
using MultiWallet.Checks.Catalog;
using MultiWallet.Impl.Client;
using MultiWallet.Impl.Client.User;
using MultiWallet.Impl.Crypto;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.World;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Sessions;

/// <summary>
/// INV-SESSION-AUTH tried as an attacker would (docs/THREATS.md, F2; docs/DECISIONS.md, "Sessions and logins"): a local
/// process with no login, or another client with a login of its own, hijacks, guesses or forges session messages while the
/// user pays. Every attempt must get a typed rejection naming its cause, change nothing, and leave the user's purchase as it
/// would have been; a forged reply must never be acted on by the client; an identical repeat gets the recorded reply.
/// </summary>
internal static class SessionAuthChecks
{
    private static readonly Address Sw1 = Address.ServerWallet("SW-1");

    /// <summary>A world with SW-1 holding BrandA and another client registered at it under its own key.</summary>
    private static PaymentWorld World(CheckContext ctx)
    {
        var world = new PaymentWorld(ctx.Seed);
        world.AddServerWallet("SW-1", "BrandA");
        world.Logins.Register(world.Wallets["SW-1"].Logins, Attacker.Other, "SW-1");
        return world;
    }

    private static int Decisions(PaymentWorld world, string what, string actor) =>
        world.Trace.Events.OfType<DecisionEvent>().Count(d => d.What == what && d.Actor == actor);

    [Check("SESSION-HIJACK-REFUSED", Title = "a hijack of the user's session id mid-purchase (no MAC, the user's MAC on another body, a start under the user's id, another login continuing or ending it) is rejected with a typed reason; the user's purchase pays once",
        Requirements = ["INV-SESSION-AUTH", "INV-BAD-INPUT", "INV-ONCE", "E1"], Embodiments = [Embodiment.E1])]
    public static CheckOutcome Hijack(CheckContext ctx)
    {
        var world = World(ctx);
        var other = world.Logins.Key(Attacker.Other, "SW-1");
        var got = new List<(string Attack, string Want, string Got)>();
        var attacked = false;
        var net = new InterceptingNetwork(world.Network, async (m, inner, ct) =>
        {
            if (!attacked && m.Kind == WalletProtocol.Deliver && m.To == Sw1)
            {
                attacked = true;
                var session = m.Field(WalletProtocol.SessionField)!;
                var tampered = (byte[])m.Body.Clone();
                tampered[^2] ^= 1;
                var attacks = new (string, string, NetMessage)[]
                {
                    ("the user's Deliver without its MAC", nameof(SessionRejection.Unauthenticated), m with { Fields = m.Fields.Where(kv => kv.Key != SessionAuth.MacField).ToDictionary() }),
                    ("the user's MAC on a tampered body", nameof(SessionRejection.Unauthenticated), m with { Body = tampered }),
                    ("a start under the user's session id, guessed MAC", nameof(SessionRejection.Unauthenticated), Attacker.Sealed(Attacker.WrongKey(world), Sw1, WalletProtocol.Start, m.Body, session, 0, LoginIssuer.User)),
                    ("another login continuing the user's session", nameof(SessionRejection.NotItsSession), Attacker.Sealed(other, Sw1, WalletProtocol.Deliver, m.Body, session, 1, Attacker.Other)),
                    ("another login ending the user's session (NoAnswer)", nameof(SessionRejection.NotItsSession), Attacker.Sealed(other, Sw1, WalletProtocol.Deliver, "Timeout"u8.ToArray(), session, 1, Attacker.Other)),
                    ("another login starting the user's session id", nameof(SessionRejection.NotItsSession), Attacker.Sealed(other, Sw1, WalletProtocol.Start, m.Body, session, 0, Attacker.Other)),
                };
                foreach (var (what, want, attack) in attacks)
                    got.Add((what, want, Attacker.Reason(await inner.SendAsync(attack, ct).ConfigureAwait(false))));
            }
            return await inner.SendAsync(m, ct).ConfigureAwait(false);
        });
        var outcome = world.Run(ct => new Wum(net, Sw1, world.PcLogin).PayAsync(world.WakeUp("ORD-1", "BrandA"), ct));
        var wrong = got.Where(g => g.Want != g.Got).Select(g => $"{g.Attack}: expected {g.Want}, got {g.Got}").ToList();
        foreach (var g in got) ctx.Log($"{g.Attack}: {g.Got}");
        return !attacked ? CheckOutcome.Fail("the purchase never reached a Deliver to attack")
            : wrong.Count > 0 ? CheckOutcome.Fail(string.Join("; ", wrong))
            : outcome is not Paid { Wallet: "SW-1" } ? CheckOutcome.Fail($"the user's purchase was affected: {outcome}")
            : world.Gateway.TotalAuthorizations != 1 ? CheckOutcome.Fail($"{world.Gateway.TotalAuthorizations} authorizations, expected 1")
            : Decisions(world, TraceDecisions.SessionRejected, "SW-1") != got.Count ? CheckOutcome.Fail($"SW-1 traced {Decisions(world, TraceDecisions.SessionRejected, "SW-1")} rejections for {got.Count} attacks")
            : world.Wallets["SW-1"].OpenSessions != 0 ? CheckOutcome.Fail("an attack left a session open")
            : CheckOutcome.Pass($"{got.Count} hijack attempts rejected ({string.Join(", ", got.Select(g => g.Got).Distinct())}); {outcome}, one authorization");
    }

    [Check("SESSION-GUESSED-ID", Title = "session ids are 128 random bits: a local process's guesses of the next id (the old counter form, the last id plus one, the last id) are rejected or miss, and the user's next purchase is unaffected",
        Requirements = ["INV-SESSION-AUTH", "INV-BAD-INPUT", "E1"], Embodiments = [Embodiment.E1])]
    public static CheckOutcome GuessedId(CheckContext ctx)
    {
        var world = World(ctx);
        world.Network.RecordRequests = true;
        var first = world.Run(ct => world.NewWum("SW-1").PayAsync(world.WakeUp("ORD-1", "BrandA"), ct));
        if (first is not Paid) return CheckOutcome.Fail($"first purchase: {first}");
        var last = world.Network.Requests.First(m => m.Kind == WalletProtocol.Start).Field(WalletProtocol.SessionField)!;
        var plusOne = (BigInteger.Parse("0" + last, System.Globalization.NumberStyles.HexNumber) + 1).ToString("x32")[^32..];
        string[] guesses = ["WUM-SW-1-0002", plusOne, last];
        var wake = world.WakeUp("ORD-2", "BrandA");
        var failures = new List<string>();
        foreach (var guess in guesses)
        {
            // The local process has no login: a bare start and one with a guessed MAC.
            var bare = Attacker.Reason(Attacker.Send(world, Attacker.Bare(Sw1, WalletProtocol.Start, wake, guess, 0)));
            var forged = Attacker.Reason(Attacker.Send(world, Attacker.Sealed(Attacker.WrongKey(world), Sw1, WalletProtocol.Start, wake, guess, 0, LoginIssuer.User)));
            ctx.Log($"guess {guess}: bare {bare}, guessed MAC {forged}");
            if (bare != nameof(SessionRejection.Unauthenticated) || forged != nameof(SessionRejection.Unauthenticated))
                failures.Add($"guess {guess}: expected Unauthenticated twice, got {bare} / {forged}");
        }
        var size = world.Wallets["SW-1"].StateSize;
        var second = world.Run(ct => world.NewWum("SW-1", "WUM-2").PayAsync(wake, ct));
        var next = world.Network.Requests.Last(m => m.Kind == WalletProtocol.Start).Field(WalletProtocol.SessionField)!;
        if (guesses.Contains(next)) failures.Add($"the next id {next} was guessed");
        if (second is not Paid) failures.Add($"the user's next purchase: {second}");
        // The stream itself: many ids, all well formed and distinct.
        var login = world.Logins.Client("probe", SeededRandom.For(ctx.Seed, "probe/sessions"));
        var ids = Enumerable.Range(0, 10_000).Select(_ => login.NewSessionId()).ToList();
        if (ids.Distinct().Count() != ids.Count || !ids.All(ClientLogin.IsSessionId)) failures.Add("10,000 ids of one stream are not all distinct well-formed 128-bit ids");
        return failures.Count > 0 ? CheckOutcome.Fail(string.Join("; ", failures))
            : CheckOutcome.Pass($"{guesses.Length * 2} guessed starts rejected Unauthenticated (wallet state {size} entries, unchanged by them); next id {next[..8]}… was none of the guesses; {second}");
    }

    [Check("SESSION-FORGED-REPLY", Title = "the client acts on no reply that does not authenticate: a forged Wallet.Done, a Forward with another body under the wallet's MAC, and a replayed earlier reply are refused; the merchant never sees the forged message",
        Requirements = ["INV-SESSION-AUTH", "INV-BAD-INPUT", "INV-EXACTLY-ONCE-UNDER-FAULTS", "E1"], Embodiments = [Embodiment.E1])]
    public static CheckOutcome ForgedReply(CheckContext ctx)
    {
        var failures = new List<string>();
        var forgedPaid = new Paid("SW-1", "BrandA", new string('0', 32), "FORGED").Encode();
        // Which reply is replaced, and by what: the attacker sees the real request and reply.
        var cases = new (string Name, string Kind, Func<NetMessage, NetMessage, NetMessage?, NetMessage> Forge)[]
        {
            ("forged Wallet.Done answering the start", WalletProtocol.Start, (req, real, _) => real with { Kind = WalletProtocol.Done, Body = forgedPaid }),
            ("Forward with another body under the wallet's MAC", WalletProtocol.Deliver, (req, real, _) => real with { Body = [.. real.Body.Take(real.Body.Length - 1), (byte)(real.Body[^1] ^ 1)] }),
            ("the start's reply replayed for the next request", WalletProtocol.Deliver, (req, real, startReply) => startReply!),
        };
        foreach (var (name, kind, forge) in cases)
        {
            var world = World(ctx);
            NetMessage? startReply = null;
            var forged = false;
            var net = new InterceptingNetwork(world.Network, async (m, inner, ct) =>
            {
                var real = await inner.SendAsync(m, ct).ConfigureAwait(false);
                if (m.Kind == WalletProtocol.Start) startReply = real;
                if (forged || m.Kind != kind || m.To != Sw1) return real;
                forged = true;
                return forge(m, real, startReply);
            });
            world.Network.RecordRequests = true;
            var outcome = world.Run(ct => new Wum(net, Sw1, world.PcLogin).PayAsync(world.WakeUp("ORD-1", "BrandA"), ct));
            var rejectedByClient = Decisions(world, TraceDecisions.SessionRejected, LoginIssuer.User);
            var atMerchant = world.Network.Requests.Count(m => m.To == Address.Merchant && m.Kind == "PReq");
            ctx.Log($"{name}: {outcome}; client rejections {rejectedByClient}; PReqs at merchant {atMerchant}");
            if (outcome is Paid) failures.Add($"{name}: the client reported {outcome}");
            else if (outcome is not Refused { Reason: RefusalReason.WalletUnreachable }) failures.Add($"{name}: expected WalletUnreachable (a reply that does not authenticate is a garbled one), got {outcome}");
            if (rejectedByClient != 1) failures.Add($"{name}: the client traced {rejectedByClient} rejections, expected 1");
            if (atMerchant != 0 || world.Gateway.TotalAuthorizations != 0) failures.Add($"{name}: {atMerchant} PReq(s) reached the merchant, {world.Gateway.TotalAuthorizations} authorization(s)");
        }
        return failures.Count > 0 ? CheckOutcome.Fail(string.Join("; ", failures)) : CheckOutcome.Pass($"{cases.Length} forged replies refused by the client, none acted on");
    }

    [Check("SESSION-DUPLICATE-RECORDED-REPLY", Title = "a session request repeated byte for byte gets the recorded reply of the first (no second step, no refusal); an earlier request replayed after a later one is rejected OutOfSequence, and changes nothing",
        Requirements = ["INV-SESSION-AUTH", "INV-EXACTLY-ONCE-UNDER-FAULTS", "INV-ONCE", "INV-BAD-INPUT", "E1"], Embodiments = [Embodiment.E1])]
    public static CheckOutcome Duplicate(CheckContext ctx)
    {
        var world = World(ctx);
        var differing = new List<string>();
        var sent = new List<NetMessage>();
        var net = new InterceptingNetwork(world.Network, async (m, inner, ct) =>
        {
            if (m.To != Sw1) return await inner.SendAsync(m, ct).ConfigureAwait(false);
            sent.Add(m);
            var first = await inner.SendAsync(m, ct).ConfigureAwait(false);
            var again = await inner.SendAsync(m, ct).ConfigureAwait(false);
            if (first.Kind != again.Kind || !first.Body.AsSpan().SequenceEqual(again.Body) || !first.Fields.OrderBy(kv => kv.Key).SequenceEqual(again.Fields.OrderBy(kv => kv.Key)))
                differing.Add($"{m.Kind} seq {m.Field(SessionAuth.SeqField)}: {first.Kind} then {again.Kind}");
            return again;
        });
        var outcome = world.Run(ct => new Wum(net, Sw1, world.PcLogin).PayAsync(world.WakeUp("ORD-1", "BrandA"), ct));
        var repeated = Decisions(world, TraceDecisions.SessionRepeated, "SW-1");
        var before = world.Wallets["SW-1"].StateSize;
        var stale = Attacker.Send(world, sent[1]);
        var staleAuthentic = SessionAuth.Verifies(world.Logins.Key(LoginIssuer.User, "SW-1"), SessionAuth.Reply, "SW-1", LoginIssuer.User, stale, sent[1].Field(SessionAuth.MacField));
        return differing.Count > 0 ? CheckOutcome.Fail($"a repeat got another reply: {string.Join("; ", differing)}")
            : outcome is not Paid ? CheckOutcome.Fail($"duplicated session requests changed the outcome: {outcome}")
            : world.Gateway.TotalAuthorizations != 1 ? CheckOutcome.Fail($"{world.Gateway.TotalAuthorizations} authorizations")
            : repeated != sent.Count ? CheckOutcome.Fail($"{repeated} SessionRepeated decisions for {sent.Count} repeats")
            : Attacker.Reason(stale) != nameof(SessionRejection.OutOfSequence) ? CheckOutcome.Fail($"the first Deliver replayed after the session ended: expected OutOfSequence, got {Attacker.Reason(stale)}")
            : !staleAuthentic ? CheckOutcome.Fail("the rejection of the user's own stale request is not sealed for the user")
            : world.Wallets["SW-1"].StateSize != before ? CheckOutcome.Fail("the stale request changed the wallet's state")
            : CheckOutcome.Pass($"{sent.Count} requests each delivered twice: identical replies, {repeated} SessionRepeated, {outcome}, one authorization; stale request OutOfSequence");
    }

    [Check("SESSION-USER-PORT-FORGED", Title = "a question to the user port that does not authenticate as the master's is refused before the user is asked; an answer substituted on the way back is not acted on by the master",
        Requirements = ["INV-SESSION-AUTH", "INV-BAD-INPUT", "INV-OFFER", "E9", "C10"], Embodiments = [Embodiment.E9])]
    public static CheckOutcome UserPortForged(CheckContext ctx)
    {
        var failures = new List<string>();
        var world = new PaymentWorld(ctx.Seed);
        var user = new ScriptedUser(["SSW-1"]);
        var topology = new TopologyConfig("E9", [new WalletConfig("SSW-1", ["BrandB"]), new WalletConfig("SSW-2", ["BrandB"])], new WalletConfig("MSW", ["BrandA"]))
        {
            Knowledge = new KnowledgeConfig.SswList(["SSW-1", "SSW-2"]),
        };
        // The answer the user gives (SSW-1) is replaced by SSW-2 on its way back, keeping the PC's MAC.
        var e = EmbodimentWorld.Build(world, topology, user, new EmbodimentWorld.Parts
        {
            ClientNetwork = inner => new InterceptingNetwork(inner, async (m, n, ct) =>
            {
                var reply = await n.SendAsync(m, ct).ConfigureAwait(false);
                return m.Kind == UserPortProtocol.Choose ? reply with { Body = UserPortProtocol.EncodeAnswer("SSW-2") } : reply;
            }),
        });
        var question = new UserQuestion("Which slave wallet should pay with BrandB?", ["SSW-2"]).Encode();
        var fields = new Dictionary<string, string> { [UserPortProtocol.WalletField] = "MSW", [SessionAuth.LoginField] = LoginIssuer.User };
        foreach (var (what, m) in new[]
        {
            ("a question without MAC", new NetMessage(Address.ServerWallet("MSW"), Address.Pc, UserPortProtocol.Choose, question, fields)),
            ("a question under a guessed key", SessionAuth.Seal(Attacker.WrongKey(world), SessionAuth.Question, "MSW", LoginIssuer.User, new NetMessage(Address.ServerWallet("MSW"), Address.Pc, UserPortProtocol.Choose, question, fields))),
        })
        {
            try
            {
                Attacker.Send(world, m);
                failures.Add($"{what} was answered");
            }
            catch (Impl.Codec.SetException ex) { ctx.Log($"{what}: {ex.Error.Code} ({ex.Error.Cause})"); }
        }
        if (user.Log.Count != 0) failures.Add($"the user was asked {user.Log.Count} question(s) by forged ones");
        var outcome = world.Run(ct => e.PayAsync(world.WakeUp("ORD-1", "BrandB"), ct));
        var toSsw2 = world.Trace.Events.OfType<MessageEvent>().Count(m => m.To == Address.ServerWallet("SSW-2"));
        if (outcome is not Refused { Reason: RefusalReason.NoChoice }) failures.Add($"a substituted answer: expected NoChoice (the answer does not authenticate), got {outcome}");
        if (toSsw2 != 0) failures.Add("the master acted on the substituted answer (a message went to SSW-2)");
        return failures.Count > 0 ? CheckOutcome.Fail(string.Join("; ", failures))
            : CheckOutcome.Pass($"2 forged questions refused before the user was asked; substituted answer not acted on: {outcome}");
    }
}
