using MultiWallet.Checks.Catalog;
using MultiWallet.Impl.Client.User;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Network.Http;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.World;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Contract;

/// <summary>
/// The wire contract over real loopback HTTPS: purchases through a served world conform message by message, and a
/// client written from the document alone gets the status codes, headers and answers the document promises: a session
/// sealed with the document's MAC recipe is served and its reply verifies with it, a bad MAC is rejected without a MAC,
/// malformed, misdirected, oversized and uncertified requests get the declared refusals, and the merchant and the gateway
/// answer with the declared errors (the gateway's the uniform one).
/// </summary>
internal static class HttpContractChecks
{
    private const string Wallet = "SW-1";

    [Check("PROTOCOL-CONFORMS-HTTP", Title = "over loopback HTTPS, purchases (E7 through a master, and a direct wallet) conform message by message, and a client written from the contract gets the declared answers: MAC'd session served and its reply verified, bad MAC rejected, malformed/misdirected/oversized/uncertified requests refused with the declared status and X-MW-Reason, merchant and gateway errors as declared",
        Requirements = ["INV-SESSION-AUTH", "INV-UNIFORM-FAILURE", "INV-BAD-INPUT", "E7"], Embodiments = [Embodiment.E7], Kind = CheckKind.Example)]
    public static CheckOutcome HttpConforms(CheckContext ctx)
    {
        var contract = WireContract.Committed;
        var world = new PaymentWorld(ctx.Seed, TimeSpan.FromSeconds(30), WorldTransport.Http);
        try
        {
            world.Network.RecordRequests = true;
            var e7 = EmbodimentWorld.Build(world, new TopologyConfig("E7", [new WalletConfig("SSW-1", ["BrandA"])], new WalletConfig("MSW", []))
            {
                Knowledge = new KnowledgeConfig.BrandTable([("SSW-1", ["BrandA"])]),
            }, new ScriptedUser([]));
            world.AddServerWallet(Wallet, "BrandB");
            var o1 = e7.PayAsync(world.WakeUp("HTTP-1", "BrandA")).GetAwaiter().GetResult();
            var o2 = world.NewWum(Wallet).PayAsync(world.WakeUp("HTTP-2", "BrandB")).GetAwaiter().GetResult();
            if (world.Wire.EnvironmentFailures > 0) return CheckOutcome.InconclusiveEnvironment(world.Wire.DescribeEnvironmentFailures());
            var failures = new List<string>();
            if (o1 is not Paid || o2 is not Paid) failures.Add($"the purchases did not pay: {o1} / {o2}");
            var tally = new ConformanceTally();
            var open = EnvelopeKeys.Of(world, []);
            foreach (var m in world.Network.Requests) tally.Add("E7/HTTP", null, m, contract.Violations(m, "request", open));
            foreach (var m in world.Network.Responses) tally.Add("E7/HTTP", null, m, contract.Violations(m, "response", open));
            failures.AddRange(tally.Failures);
            ctx.Log(tally.Render());
            using var probe = new HttpContractProbe(world, contract);
            var probes = Probes(world, probe, failures);
            return failures.Count == 0
                ? CheckOutcome.Pass($"{tally.Messages} messages over HTTPS conform; {probes} hand-made exchanges got the declared answers", probes)
                : CheckOutcome.Fail(string.Join('\n', failures.Take(12)), probes);
        }
        finally { world.DisposeAsync().AsTask().GetAwaiter().GetResult(); }
    }

    /// <summary>The hand-made exchanges; each adds its departures from the document to <paramref name="failures"/>. Returns how many ran.</summary>
    private static int Probes(PaymentWorld world, HttpContractProbe probe, List<string> failures)
    {
        var sw = Address.ServerWallet(Wallet);
        var pc = HttpWire.Encode(Address.Pc.Value);
        var swTo = HttpWire.Encode(sw.Value);
        var key = world.Logins.Key(LoginIssuer.User, Wallet);
        var n = 0;

        void Expect(string what, HttpContractProbe.Result r, int status, string? kind = null, Func<NetMessage, string?>? more = null)
        {
            n++;
            var bad = new List<string>(r.Violations);
            if (r.Status != status) bad.Add($"status {r.Status} (reason {r.Reason}), expected {status}");
            if (kind is not null && r.Answer?.Kind != kind) bad.Add($"answer {r.Answer?.Kind ?? "none"}, expected {kind}");
            if (status != 200 && string.IsNullOrEmpty(r.Reason)) bad.Add("a refusal without X-MW-Reason");
            if (r.Answer is { } a && more?.Invoke(a) is { } extra) bad.Add(extra);
            if (bad.Count > 0) failures.Add($"{what}: {string.Join("; ", bad)}");
        }

        Expect("brand query", probe.Send(sw, pc, swTo, "Wallet.BrandQuery", "", []), 200, WalletProtocol.Brands);

        // A session sealed with the contract's own recipe (ContractMac), and its reply checked with it.
        var wake = world.WakeUp("HTTP-3", "BrandB");
        var fields = new Dictionary<string, string> { ["login"] = LoginIssuer.User, ["session"] = "0123456789abcdef0123456789abcdef", ["seq"] = "0" };
        var mac = ContractMac.Tag(key, "request", Wallet, LoginIssuer.User, WalletProtocol.Start, fields, wake);
        fields["mac"] = mac;
        Expect("session start sealed by the contract's MAC recipe", probe.Send(sw, pc, swTo, WalletProtocol.Start, HttpWire.EncodeFields(fields), wake), 200, WalletProtocol.Forward,
            a => a.Field("kind") != "PInitReq" ? $"forwarded {a.Field("kind")}, expected PInitReq"
                : ContractMac.Tag(key, "reply", Wallet, LoginIssuer.User, a.Kind, a.Fields, a.Body, mac) != a.Field("mac") ? "the reply's mac does not verify with the contract's recipe" : null);

        var forged = new Dictionary<string, string>(fields) { ["session"] = "fedcba9876543210fedcba9876543210", ["mac"] = new string('0', 32) };
        Expect("session start with a bad mac", probe.Send(sw, pc, swTo, WalletProtocol.Start, HttpWire.EncodeFields(forged), wake), 200, WalletProtocol.Rejected,
            a => a.Field("reason") != "Unauthenticated" ? $"reason {a.Field("reason")}" : a.Field("mac") is not null ? "a rejection of an unauthenticated request carries a mac" : null);

        Expect("no X-MW-Kind", probe.Send(sw, pc, swTo, null, "", []), 400);
        Expect("malformed X-MW-From", probe.Send(sw, "%ZZ", swTo, "Wallet.BrandQuery", "", []), 400);
        Expect("another path", probe.Send(sw, pc, swTo, "Wallet.BrandQuery", "", [], path: "/other"), 404);
        Expect("X-MW-To of another party", probe.Send(sw, pc, HttpWire.Encode("sw://SW-2"), "Wallet.BrandQuery", "", []), 421);
        Expect("a session start over its 16 KiB limit", probe.Send(sw, pc, swTo, WalletProtocol.Start, "", new byte[HttpWire.SmallBodyLimit + 1]), 413);
        Expect("the gateway without a client certificate", probe.Send(Address.Gateway, HttpWire.Encode("merchant"), "gateway", "AuthReq", "", [1, 2, 3]), 403);
        Expect("a PInitReq that is not canonical JSON", probe.Send(Address.Merchant, pc, "merchant", "PInitReq", "", "{ }"u8.ToArray()), 200, "Error",
            a => a.Field("code") != "Malformed" ? $"code {a.Field("code")}, expected Malformed (framing is answered specifically)" : null);
        Expect("an AuthReq that is no envelope, from the certified merchant", probe.Send(Address.Gateway, HttpWire.Encode("merchant"), "gateway", "AuthReq", "", [1, 2, 3], @as: Address.Merchant), 200, "Error",
            a => a.Field("code") != "Rejected" ? $"code {a.Field("code")}, expected the uniform Rejected" : null);
        return n;
    }
}
