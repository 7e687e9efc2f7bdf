using MultiWallet.Checks.Catalog;

namespace MultiWallet.Checks.Contract;

/// <summary>
/// The wire contract (docs/protocol/openapi.yaml) as evidence: the document is a valid OpenAPI 3.1 document whose
/// schemas compile, every message the generated campaign puts on the wire conforms to it, a sample over loopback HTTPS
/// conforms (status codes, headers, refusals), and the validation catches what it must (so a pass means something).
/// </summary>
internal static class ContractChecks
{
    /// <summary>The requirement ids the wire contract supports: the session MACs, the uniform failure answer and strict input.</summary>
    private const string SessionAuth = "INV-SESSION-AUTH", Uniform = "INV-UNIFORM-FAILURE", BadInput = "INV-BAD-INPUT";

    [Check("PROTOCOL-OPENAPI-VALID", Title = "docs/protocol/openapi.yaml reads as OpenAPI 3.1 with zero errors and warnings (Microsoft.OpenApi) and every message kind's body and fields schema compiles (JsonSchema.Net)",
        Requirements = [SessionAuth, Uniform, BadInput], Kind = CheckKind.Model)]
    public static CheckOutcome DocumentValid(CheckContext ctx)
    {
        var contract = WireContract.Committed;
        var (problems, doc) = OpenApiValidity.Of(ContractDocument.Text, contract);
        if (problems.Count > 0) return CheckOutcome.Fail($"{problems.Count} problem(s):\n" + string.Join('\n', problems.Take(20)));
        var paths = doc!.Paths.Count;
        ctx.Log($"OpenAPI 3.1: {paths} paths, {doc.Components?.Schemas?.Count ?? 0} schemas, {contract.Kinds.Count} message kinds");
        return CheckOutcome.Pass($"valid OpenAPI 3.1: {paths} paths, {contract.Kinds.Count} message kinds, every schema compiles");
    }

    [Check("PROTOCOL-CONFORMS-GENERATED", Title = "every request and response of the generated campaign (every embodiment, the first 64 cases of each, faults and crashes included) conforms to the wire contract: kind, addresses, fields, body schema, canonical JSON, nested contents, and envelopes opened and their plaintext validated",
        Requirements = [SessionAuth, Uniform, BadInput], AllEmbodiments = true, Kind = CheckKind.Property)]
    public static CheckOutcome GeneratedConforms(CheckContext ctx)
    {
        var contract = WireContract.Committed;
        var sweep = ContractSweep.Of(ctx);
        var (tally, cases) = (sweep.Tally, sweep.Cases);
        var missing = contract.Kinds.Where(k => !tally.Kinds.ContainsKey(k) && !NotInHonestCampaign.Contains(k)).ToList();
        ctx.Log(tally.Render());
        var outcome = tally.Failures.Count > 0
            ? CheckOutcome.Fail($"{tally.Failures.Count} message(s) violate the contract; first:\n{tally.Failures[0]}", cases) with { Counterexample = tally.FirstCase }
            : missing.Count > 0
                ? CheckOutcome.Fail($"kinds the contract defines never appeared, so their schemas were not exercised: {string.Join(", ", missing)}", cases)
                : CheckOutcome.Pass($"{tally.Messages} messages of {tally.Kinds.Count} kinds in {cases} generated cases conform", cases);
        var classes = tally.Kinds.ToDictionary(kv => "kind:" + kv.Key, kv => kv.Value);
        foreach (var (k, n) in tally.Classes) classes[k] = n;
        return outcome with { Classes = classes, Replay = $"--seed {ctx.Seed} --cases {ctx.Cases}" };
    }

    /// <summary>
    /// Generated cases per embodiment whose every message is validated: all of them under `dotnet test` (16), the first 64
    /// of the audit's 1,000 (about 1,400 messages per embodiment), so the contract costs seconds, not minutes, of a run.
    /// </summary>
    public const int Budget = 64;

    /// <summary>
    /// Kinds the honest campaign never sends (only refusals of attacks, or of kinds a party does not serve), or sends only
    /// when a generated silent slave is tried (the master's interim Working, S4): the HTTP sample, the attacker campaign and
    /// the silent-slave checks exercise them.
    /// </summary>
    private static readonly HashSet<string> NotInHonestCampaign = new(StringComparer.Ordinal) { "Wallet.Rejected", "Wallet.Working" };

    [Check("PROTOCOL-CONTRACT-CATCHES-DEFECTS", Title = "the contract validation catches every defect made from honest campaign messages (a broken body, field, nested content, envelope, uniform answer, kind, direction or address) and a wrong schema; the OpenAPI reader catches a broken document",
        Requirements = [SessionAuth, Uniform, BadInput], Kind = CheckKind.Example)]
    public static CheckOutcome CatchesDefects(CheckContext ctx)
    {
        var contract = WireContract.Committed;
        var sweep = ContractSweep.Of(ctx);
        var sample = sweep.Sample;
        var world = sweep.FirstWorld;
        var missed = new List<string>();
        var defects = 0;
        // Each honest original must pass first: a defect counts as caught only against a message the contract accepts.
        foreach (var (kind, (m, direction)) in sample)
            if (contract.Violations(m, direction) is { Count: > 0 } v) missed.Add($"honest {kind} already fails: {v[0]}");
        // Every case of a seed shares one PKI, so the first world's gateway keys open every sampled envelope.
        var pki = world?.Pki ?? throw new InvalidOperationException("the campaign ran no case");
        var open = EnvelopeKeys.Of(world, []);
        byte[] Seal(byte[] plain, string brand) =>
            Impl.Crypto.Envelope.Seal(plain, pki.Gateway(brand).KeyExchange.Chain.Leaf, Impl.Crypto.SeededRandom.For(ctx.Seed, "contract/defects"));
        foreach (var d in ContractMutations.From(sample, contract, (open, Seal)))
        {
            defects++;
            var v = d.Contract.Violations(d.Message, d.Direction, d.Open);
            if (v.Count == 0) missed.Add($"not caught: {d.Name}");
            else ctx.Log($"caught {d.Name}: {v[0]}");
        }
        defects++;
        var (problems, _) = OpenApiValidity.Of(ContractMutations.BrokenDocument(ContractDocument.Text), contract);
        if (problems.Count == 0) missed.Add("not caught: a reference to a schema that does not exist");
        else ctx.Log($"caught a broken document: {problems[0]}");
        return missed.Count == 0
            ? CheckOutcome.Pass($"{defects} defects caught, {sample.Count} honest originals accepted", defects)
            : CheckOutcome.Fail(string.Join('\n', missed), defects);
    }
}
