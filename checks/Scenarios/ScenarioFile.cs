using System.Collections.Immutable;
using MultiWallet.Model.Vocabulary;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MultiWallet.Audit.Scenarios;

/// <summary>
/// Reads an auditor's topology file (YAML) into <see cref="Topology"/>, <see cref="UserScript"/> and
/// <see cref="Step"/>s. Every error names the file, the line and the field; unknown keys are rejected.
/// Brands a wallet holds, advertises or is said to hold must be known (they need a CA); the brand of a
/// wake-up may be anything, since an unknown brand there is a legitimate input (UnknownBrand).
/// </summary>
public static class ScenarioFile
{
    /// <summary>
    /// The implementation world's first merchant: an order written as a LID alone is its order, and a file without a
    /// <c>merchants:</c> list has only this merchant.
    /// </summary>
    public const string DefaultMerchant = "SHOP-1";

    /// <summary>Reads, checks and parses the file at <paramref name="path"/>; every refusal is a <see cref="ScenarioException"/>.</summary>
    public static ScenarioDocument Load(string path) => Parse(ScenarioText.Read(path), path);

    /// <summary>Parses <paramref name="text"/> (named <paramref name="file"/> in messages) within <see cref="ScenarioLimits"/>.</summary>
    public static ScenarioDocument Parse(string text, string file)
    {
        if (text.Length > ScenarioLimits.MaxFileBytes) throw new ScenarioException(file, 0, "", $"text of {text.Length} characters; the limit is {ScenarioLimits.MaxFileBytes}");
        // Bounds depth, node count and value length on the event stream first: the tree below is built recursively.
        ScenarioText.Scan(text, file);
        var stream = new YamlStream();
        var scanner = new Scanner(new StringReader(text));
        try { stream.Load(new Parser(scanner)); }
        catch (YamlException e) { throw new ScenarioException(file, e.Start.Line, "", $"YAML error: {Inner(e)}"); }
        // YamlDotNet's scanner throws this, without a position, on some unterminated flow collections.
        catch (InvalidOperationException) { throw new ScenarioException(file, scanner.CurrentPosition.Line, "", "YAML error: unexpected end of a flow collection ('[' or '{' not closed?)"); }
        catch (ArgumentException e) { throw new ScenarioException(file, scanner.CurrentPosition.Line, "", $"YAML error: {e.Message}"); }
        if (stream.Documents.Count != 1) throw new ScenarioException(file, 1, "", $"expected one YAML document, found {stream.Documents.Count}");
        return new Reader(file).Read(stream.Documents[0].RootNode);
    }

    private static string Inner(YamlException e) => e.InnerException is YamlException i ? i.Message : e.Message;

    /// <summary>The knowledge keys of the format: which kind of knowledge each one gives, and who holds it.</summary>
    public static readonly (string Key, KnowledgeKind Kind, KnowledgeHolder Holder)[] KnowledgeKeys =
    [
        ("selectorTable", KnowledgeKind.BrandTable, KnowledgeHolder.Selector),
        ("installedWums", KnowledgeKind.InstalledWums, KnowledgeHolder.InstalledWums),
        ("masterBrandInfo", KnowledgeKind.BrandTable, KnowledgeHolder.Msw),
        ("masterSswInfo", KnowledgeKind.SswList, KnowledgeHolder.Msw),
        ("clientBrandInfo", KnowledgeKind.BrandTable, KnowledgeHolder.ClientWum),
        ("clientSswInfo", KnowledgeKind.SswList, KnowledgeHolder.ClientWum),
    ];

    private sealed class Reader(string file) : AttackFile.IFieldReader
    {
        private Embodiment embodiment;
        private readonly List<string> walletNames = [];
        private readonly Dictionary<int, Expectation> expectations = [];
        private readonly List<(int Step, IReadOnlyList<UserAnswer> Answers)> bound = [];
        private readonly Dictionary<int, long> stepLines = [];

        private string SeededFault(YamlNode n)
        {
            var id = Scalar(n, "fault");
            var f = MultiWallet.Checks.Faults.SeededFaults.All.FirstOrDefault(x => x.Id == id)
                ?? throw Err(n, "fault", $"unknown seeded fault '{id}' (the ids of checks/Faults, e.g. FAULT-E1-FIRST-WUM)");
            return f.Embodiment == embodiment ? id : throw Err(n, "fault", $"'{id}' is seeded in {f.Embodiment}, this file is {embodiment}");
        }

        public ScenarioException Err(YamlNode node, string field, string message) => new(file, node.Start.Line, field, message);

        public YamlMappingNode Map(YamlNode n, string field) =>
            n as YamlMappingNode ?? throw Err(n, field, "expected a mapping (key: value)");

        public YamlSequenceNode Seq(YamlNode n, string field, int max = ScenarioLimits.MaxItems)
        {
            var s = n as YamlSequenceNode ?? throw Err(n, field, "expected a list");
            return s.Children.Count <= max ? s : throw Err(s.Children[max], $"{field}[{max}]", $"more than {max} items");
        }

        private YamlMappingNode Table(YamlNode n, string field)
        {
            var m = Map(n, field);
            return m.Children.Count <= ScenarioLimits.MaxItems ? m : throw Err(m, field, $"more than {ScenarioLimits.MaxItems} entries");
        }

        public string Scalar(YamlNode n, string field)
        {
            if (n is not YamlScalarNode s || s.Value is null) throw Err(n, field, "expected a single value");
            if (string.IsNullOrWhiteSpace(s.Value)) throw Err(n, field, "must not be empty");
            return s.Value.Trim();
        }

        private bool Bool(YamlNode n, string field) => Scalar(n, field) switch
        {
            "true" or "yes" => true,
            "false" or "no" => false,
            var v => throw Err(n, field, $"expected true or false, got '{v}'"),
        };

        public int Int(YamlNode n, string field, int min) =>
            int.TryParse(Scalar(n, field), out var v) && v >= min ? v : throw Err(n, field, $"expected a whole number >= {min}, got '{Scalar(n, field)}'");

        /// <summary>The mapping's entries by key; any key not in <paramref name="allowed"/> is rejected.</summary>
        public Dictionary<string, (YamlNode Key, YamlNode Value)> Fields(YamlMappingNode m, string field, params string[] allowed)
        {
            var d = new Dictionary<string, (YamlNode, YamlNode)>(StringComparer.Ordinal);
            foreach (var (k, v) in m.Children)
            {
                var key = Scalar(k, field);
                var at = field.Length == 0 ? key : $"{field}.{key}";
                if (!allowed.Contains(key)) throw Err(k, at, $"unknown key '{key}' (expected {string.Join(", ", allowed)})");
                if (!d.TryAdd(key, (k, v))) throw Err(k, at, "duplicate key");
            }
            return d;
        }

        private static string At(string field, string key) => field.Length == 0 ? key : $"{field}.{key}";

        public (YamlNode Key, YamlNode Value) Required(Dictionary<string, (YamlNode Key, YamlNode Value)> d, YamlNode owner, string field, string key) =>
            d.TryGetValue(key, out var v) ? v : throw Err(owner, At(field, key), "required field missing");

        private Brand KnownBrand(YamlNode n, string field)
        {
            var b = new Brand(Scalar(n, field));
            return b.IsKnown ? b : throw Err(n, field, $"unknown brand '{b.Name}' (known: {string.Join(", ", Brand.Known)})");
        }

        private ImmutableSortedSet<Brand> BrandSet(YamlNode n, string field)
        {
            var s = Seq(n, field);
            var list = s.Children.Select((c, i) => KnownBrand(c, $"{field}[{i}]")).ToList();
            return [.. list];
        }

        private string WalletName(YamlNode n, string field, bool mustExist)
        {
            var name = Scalar(n, field);
            if (mustExist && !walletNames.Contains(name) && name != WalletNames.Msw)
                throw Err(n, field, $"unknown wallet '{name}' (wallets: {string.Join(", ", walletNames)})");
            return name;
        }

        public ScenarioDocument Read(YamlNode root)
        {
            var top = Fields(Map(root, ""), "", "title", "requirements", "embodiment", "fault", "wallets", "master", "knowledge", "merchants", "gateway", "user", "steps", "attack");
            var title = top.TryGetValue("title", out var t) ? Scalar(t.Value, "title") : null;
            var requirements = top.TryGetValue("requirements", out var rq) ? ReadRequirements(rq.Value) : [];
            var en = Required(top, root, "", "embodiment").Value;
            var es = Scalar(en, "embodiment");
            if (!Enum.TryParse(es, ignoreCase: false, out embodiment) || !Enum.IsDefined(embodiment) || !es.StartsWith('E'))
                throw Err(en, "embodiment", $"unknown embodiment '{es}' (expected E1..E12)");

            var wallets = ReadWallets(Required(top, root, "", "wallets").Value);
            WalletSpec? master = null;
            if (top.TryGetValue("master", out var mn))
            {
                if (!EmbodimentTraits.Of(embodiment).IsMasterSlave) throw Err(mn.Key, "master", $"{embodiment} has no master wallet (only E7..E12)");
                master = ReadWallet(mn.Value, "master", WalletNames.Msw);
                if (master.Name != WalletNames.Msw) throw Err(mn.Value, "master.name", $"the master wallet is named '{WalletNames.Msw}'");
            }
            else if (EmbodimentTraits.Of(embodiment).IsMasterSlave) master = WalletSpec.Honest(WalletNames.Msw);

            var topology = new Topology(embodiment, wallets, master);
            if (top.TryGetValue("knowledge", out var kn)) topology = ReadKnowledge(kn.Value, topology);
            var fault = top.TryGetValue("fault", out var fn) ? SeededFault(fn.Value) : null;
            seeded = fault is not null;
            attacked = top.ContainsKey("attack");
            var user = top.TryGetValue("user", out var un) ? ReadUser(un.Value) : UserScript.Silent;
            var merchantLimits = top.TryGetValue("merchants", out var ms) ? ReadMerchants(ms.Value) : [];
            if (merchants.Count > 0) topology = topology with { Merchants = [.. merchants] };
            var steps = ReadSteps(Required(top, root, "", "steps").Value);
            int Limit(YamlNode v, string f)
            {
                var limit = Int(v, f, 0);
                if (limit > ScenarioLimits.MaxAmount) throw Err(v, f, $"at most {ScenarioLimits.MaxAmount}");
                return limit;
            }
            if (top.TryGetValue("gateway", out var gn))
            {
                var gd = Fields(Map(gn.Value, "gateway"), "gateway", "declineAbove", "declineAboveByBrand");
                if (gd.TryGetValue("declineAbove", out var da)) topology = topology with { DeclineAbove = Limit(da.Value, "gateway.declineAbove") };
                if (gd.TryGetValue("declineAboveByBrand", out var db))
                {
                    var byBrand = new Dictionary<Brand, long>();
                    foreach (var (k, v) in Table(db.Value, "gateway.declineAboveByBrand").Children)
                    {
                        var f = $"gateway.declineAboveByBrand.{Scalar(k, "gateway.declineAboveByBrand")}";
                        if (!byBrand.TryAdd(KnownBrand(k, f), Limit(v, f))) throw Err(k, f, "duplicate key");
                    }
                    topology = topology with { DeclineAboveByBrand = byBrand };
                }
            }
            if (merchantLimits.Count > 0)
            {
                var byMerchant = new Dictionary<string, long>(StringComparer.Ordinal);
                foreach (var (id, node, field) in merchantLimits) byMerchant[id] = Limit(node, field);
                topology = topology with { DeclineAboveByMerchant = byMerchant };
            }
            DeclinedUnderFaults(topology, steps);
            var attack = top.TryGetValue("attack", out var at) ? AttackFile.Read(at.Value, embodiment, this) : null;
            if (bound.Count > 0)
            {
                if (user.Answers.Count > 0) throw Err(un.Key, "user.answers", "answers are either one queue (user.answers) or bound to wake-ups (answers: on a wakeUp), not both");
                user = user with { Answers = [.. bound.SelectMany(b => b.Answers)] };
            }
            return new ScenarioDocument(file, title, topology, user, steps)
            {
                Expectations = expectations,
                BoundAnswers = bound.Count == 0 ? null : steps.Select((st, i) => (st, i)).Where(x => x.st is Step.WakeUp or Step.Replay)
                    .ToDictionary(x => x.i, x => bound.Where(b => b.Step == x.i).Sum(b => b.Answers.Count)),
                SeededFault = fault,
                StepLines = stepLines,
                Attack = attack,
                Requirements = requirements,
            };
        }

        /// <summary>
        /// <c>requirements: [C4, INV-LIVE]</c>: requirement ids of SPEC.md the author claims the file supports beyond those its
        /// embodiment and expectations give (docs/DECISIONS.md, "Scenario files as catalog checks"); each known, once.
        /// </summary>
        private IReadOnlyList<string> ReadRequirements(YamlNode n)
        {
            var ids = new List<string>();
            var s = Seq(n, "requirements", MultiWallet.Checks.Catalog.Requirements.All.Count());
            for (var i = 0; i < s.Children.Count; i++)
            {
                var id = Scalar(s.Children[i], $"requirements[{i}]");
                if (!MultiWallet.Checks.Catalog.Requirements.IsKnown(id)) throw Err(s.Children[i], $"requirements[{i}]", $"unknown requirement id '{id}' (expected an E*, C* or INV-* id of SPEC.md)");
                if (ids.Contains(id)) throw Err(s.Children[i], $"requirements[{i}]", $"'{id}' listed twice");
                ids.Add(id);
            }
            return ids;
        }

        /// <summary>
        /// Faults and crashes armed before a wake-up the gateway declines (its amount above the limit of its brand or merchant) are
        /// refused: the fault rules (model/Machines/FaultedExchange) are written for a purchase the gateway approves.
        /// </summary>
        private void DeclinedUnderFaults(Topology t, IReadOnlyList<Step> steps)
        {
            for (var i = 1; i < steps.Count; i++)
                if (steps[i] is Step.WakeUp w && steps[i - 1] is Step.Fault or Step.Crash && t.DeclineLimit(w.Brand, w.Order.Merchant) is { } limit && w.Amount > limit)
                    throw new ScenarioException(file, stepLines.GetValueOrDefault(i), $"steps[{i}].wakeUp.amount",
                        $"{w.Amount} is above the limit {limit} the gateway holds {w.Order} to: faults and crashes are armed only before a purchase the gateway approves (the fault rules are written for one)");
        }

        /// <summary>The merchants a file names (in order); empty: the one merchant <see cref="DefaultMerchant"/>.</summary>
        private readonly List<string> merchants = [];

        /// <summary>
        /// <c>merchants: [{name: SHOP-1}, {name: SHOP-2, declineAbove: 5000}]</c>: each merchant's id (letters, digits and '-';
        /// it names the merchant's certificates), once each, and its optional decline limit; returns the limits to check once
        /// the steps are read (a limit is refused beside fault steps, as the gateway's).
        /// </summary>
        private List<(string Id, YamlNode Node, string Field)> ReadMerchants(YamlNode n)
        {
            var s = Seq(n, "merchants", ScenarioLimits.MaxMerchants);
            if (s.Children.Count == 0) throw Err(n, "merchants", "at least one merchant (or leave the list out: one merchant, SHOP-1)");
            var limits = new List<(string, YamlNode, string)>();
            for (var i = 0; i < s.Children.Count; i++)
            {
                var f = $"merchants[{i}]";
                var d = Fields(Map(s.Children[i], f), f, "name", "declineAbove");
                var nn = Required(d, s.Children[i], f, "name").Value;
                var id = Scalar(nn, $"{f}.name");
                if (id.Length is 0 or > ScenarioLimits.MaxMerchantId || !id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
                    throw Err(nn, $"{f}.name", $"'{id}': a merchant id is 1 to {ScenarioLimits.MaxMerchantId} ASCII letters, digits or '-'");
                if (merchants.Contains(id)) throw Err(nn, $"{f}.name", $"merchant '{id}' is listed twice");
                merchants.Add(id);
                if (d.TryGetValue("declineAbove", out var da)) limits.Add((id, da.Value, $"{f}.declineAbove"));
            }
            return limits;
        }

        private List<WalletSpec> ReadWallets(YamlNode n)
        {
            var s = Seq(n, "wallets", ScenarioLimits.MaxWallets);
            if (s.Children.Count == 0) throw Err(n, "wallets", "at least one wallet");
            var prefix = EmbodimentTraits.Of(embodiment).IsMasterSlave ? "SSW-" : "SW-";
            var list = new List<WalletSpec>();
            for (var i = 0; i < s.Children.Count; i++)
            {
                var w = ReadWallet(s.Children[i], $"wallets[{i}]", null);
                var expected = prefix + (i + 1);
                if (w.Name != expected)
                    throw Err(s.Children[i], $"wallets[{i}].name", $"'{w.Name}': wallets of {embodiment} are named {prefix}1, {prefix}2, ... in registration order (expected '{expected}')");
                list.Add(w);
                walletNames.Add(w.Name);
            }
            return list;
        }

        private WalletSpec ReadWallet(YamlNode n, string field, string? defaultName)
        {
            var m = Map(n, field);
            var d = Fields(m, field, "name", "held", "advertised", "down", "silent");
            var name = d.TryGetValue("name", out var nn) ? Scalar(nn.Value, At(field, "name"))
                : defaultName ?? throw Err(n, At(field, "name"), "required field missing");
            var held = d.TryGetValue("held", out var h) ? BrandSet(h.Value, At(field, "held")) : Brands.None;
            var adv = d.TryGetValue("advertised", out var a) ? BrandSet(a.Value, At(field, "advertised")) : held;
            var down = d.TryGetValue("down", out var dn) && Bool(dn.Value, At(field, "down"));
            return new WalletSpec(name, held, adv, down) { Silent = d.TryGetValue("silent", out var sn) && Bool(sn.Value, At(field, "silent")) };
        }

        private Topology ReadKnowledge(YamlNode n, Topology t)
        {
            const string F = "knowledge";
            var d = Fields(Map(n, F), F, [.. KnowledgeKeys.Select(k => k.Key)]);
            // A key is read only by the embodiments whose traits route on that kind of knowledge held there.
            foreach (var (key, kind, holder) in KnowledgeKeys)
            {
                var readers = EmbodimentTraits.All.Where(e => e.Knowledge == kind && e.Holder == holder).Select(e => e.Embodiment).ToList();
                if (d.TryGetValue(key, out var kv) && !readers.Contains(embodiment))
                    throw Err(kv.Key, $"{F}.{key}", $"not read in {embodiment} (only in {string.Join(", ", readers)})");
            }
            var given = KnowledgeKeys.Where(k => d.ContainsKey(k.Key)).Select(k => (k.Key, k.Kind, Node: d[k.Key].Value)).ToList();
            if (given.Count == 0) return t;
            var (field, knowledgeKind, node) = given[0];
            var f = $"{F}.{field}";
            return t with
            {
                Knowledge = knowledgeKind switch
                {
                    KnowledgeKind.BrandTable => new Knowledge.BrandTable(BrandTable(node, f)),
                    KnowledgeKind.InstalledWums => new Knowledge.InstalledWums(Wums(node, f)),
                    _ => new Knowledge.SswList(Seq(node, f).Children.Select((c, i) => Scalar(c, $"{f}[{i}]")).ToList()),
                },
            };
        }

        private IReadOnlyDictionary<string, ImmutableSortedSet<Brand>> BrandTable(YamlNode node, string f)
        {
            var b = ImmutableDictionary.CreateBuilder<string, ImmutableSortedSet<Brand>>(StringComparer.Ordinal);
            foreach (var (k, v) in Table(node, f).Children)
            {
                var wallet = Scalar(k, f);
                if (b.ContainsKey(wallet)) throw Err(k, $"{f}.{wallet}", "duplicate key");
                b[wallet] = BrandSet(v, $"{f}.{wallet}");
            }
            return b.ToImmutable();
        }

        private IReadOnlyDictionary<string, WumInstall> Wums(YamlNode node, string f)
        {
            var wums = ImmutableDictionary.CreateBuilder<string, WumInstall>(StringComparer.Ordinal);
            foreach (var (k, v) in Table(node, f).Children)
            {
                var wallet = WalletName(k, f, mustExist: true);
                var wf = $"{f}.{wallet}";
                var wd = Fields(Map(v, wf), wf, "version", "brands");
                wums[wallet] = new WumInstall(Int(Required(wd, v, wf, "version").Value, $"{wf}.version", 1), BrandSet(Required(wd, v, wf, "brands").Value, $"{wf}.brands"));
            }
            return wums.ToImmutable();
        }

        private UserScript ReadUser(YamlNode n)
        {
            const string F = "user";
            var d = Fields(Map(n, F), F, "preselected", "answers");
            string? pre = null;
            if (d.TryGetValue("preselected", out var p))
            {
                if (EmbodimentTraits.Of(embodiment).Asks != UserPrompt.AtSetUp) throw Err(p.Key, "user.preselected", $"only E1 registers a WUM before paying (this is {embodiment}); use answers");
                pre = Scalar(p.Value, "user.preselected");
            }
            var answers = d.TryGetValue("answers", out var a) ? Answers(a.Value, "user.answers") : [];
            return new UserScript(pre, answers);
        }

        private List<UserAnswer> Answers(YamlNode n, string field)
        {
            var answers = new List<UserAnswer>();
            var s = Seq(n, field, ScenarioLimits.MaxAnswers);
            for (var i = 0; i < s.Children.Count; i++)
            {
                var f = $"{field}[{i}]";
                var c = s.Children[i];
                if (c is YamlScalarNode { Value: "nothing" }) { answers.Add(UserAnswer.Nothing); continue; }
                if (c is not YamlMappingNode am || am.Children.Count != 1)
                    throw Err(c, f, "expected 'nothing', 'pick: NAME' or 'type: TEXT'");
                var ad = Fields(am, f, "pick", "type");
                answers.Add(ad.TryGetValue("pick", out var pk)
                    ? new UserAnswer.Pick(Scalar(pk.Value, $"{f}.pick"))
                    : new UserAnswer.TypeAddress(ad["type"].Value is YamlScalarNode { Value: var text } ? text ?? "" : throw Err(ad["type"].Value, $"{f}.type", "expected text")));
            }
            return answers;
        }

        private static readonly string[] StepKinds = ["wakeUp", "replay", "installWum", "changeBrands", "setDown", "setSilent", "setKnowledge", "fault", "crash", "heal"];

        /// <summary>The file names a seeded fault (its substituted component keeps the knowledge it was built with).</summary>
        private bool seeded;

        /// <summary>The file has an `attack:` block: the attacker is its only adversary and its wake-ups are judged as the campaign's.</summary>
        private bool attacked;

        /// <summary>
        /// A knowledge value of the embodiment's own kind (a brand table <c>WALLET: [brands]</c> or an SSW list <c>[SSW, ...]</c>)
        /// for a step that changes it (<paramref name="clientOnly"/> false) or for the information a wake-up carries (true: E11/E12).
        /// </summary>
        private Knowledge KnowledgeValue(YamlNode key, YamlNode node, string f, bool clientOnly)
        {
            var traits = EmbodimentTraits.Of(embodiment);
            var readers = EmbodimentTraits.All.Where(e => clientOnly ? e.Holder == KnowledgeHolder.ClientWum
                : e.Holder is KnowledgeHolder.Selector or KnowledgeHolder.Msw or KnowledgeHolder.ClientWum).Select(e => e.Embodiment).ToList();
            if (!readers.Contains(embodiment))
                throw Err(key, f, $"not read in {embodiment} (only in {string.Join(", ", readers)}){(traits.Knowledge == KnowledgeKind.InstalledWums && !clientOnly ? "; E4 changes its knowledge with installWum" : "")}");
            if (seeded && !clientOnly) throw Err(key, f, "not with a seeded fault (`fault:`): the fault's component keeps the knowledge it was built with");
            return traits.Knowledge == KnowledgeKind.BrandTable
                ? new Knowledge.BrandTable(BrandTable(node, f))
                : new Knowledge.SswList(Seq(node, f, ScenarioLimits.MaxItems).Children.Select((c, i) => Scalar(c, $"{f}[{i}]")).ToList());
        }

        private List<Step> ReadSteps(YamlNode n)
        {
            var s = Seq(n, "steps", ScenarioLimits.MaxSteps);
            var steps = new List<Step>();
            var woken = new HashSet<OrderId>();
            var consumed = new Dictionary<OrderId, long>();
            var pendingFaults = new List<(YamlNode Node, string Field)>();
            for (var i = 0; i < s.Children.Count; i++)
            {
                var f = $"steps[{i}]";
                var c = s.Children[i];
                stepLines[i] = c.Start.Line;
                if (c is YamlScalarNode { Value: "heal" })
                {
                    if (attacked) throw Err(c, f, AttackFile.NoFaults);
                    RequireNoPendingFaults(pendingFaults, c, f);
                    steps.Add(new Step.Heal());
                    continue;
                }
                if (c is not YamlMappingNode m || m.Children.Count != 1)
                    throw Err(c, f, $"expected one of {string.Join(", ", StepKinds)}");
                var d = Fields(m, f, StepKinds);
                var (kind, (key, v)) = d.Single();
                var sf = $"{f}.{kind}";
                Step step;
                switch (kind)
                {
                    case "wakeUp":
                        {
                            var wd = Fields(Map(v, sf), sf, "order", "brand", "amount", "defect", "answers", "clientInfo", "expect");
                            var on = Required(wd, v, sf, "order").Value;
                            var order = Order(on, $"{sf}.order");
                            var brand = new Brand(Scalar(Required(wd, v, sf, "brand").Value, $"{sf}.brand"));
                            var amount = wd.TryGetValue("amount", out var am) ? Int(am.Value, $"{sf}.amount", 1) : 1000;
                            if (amount > ScenarioLimits.MaxAmount) throw Err(am.Value, $"{sf}.amount", $"at most {ScenarioLimits.MaxAmount}");
                            var defect = wd.TryGetValue("defect", out var df) ? Defect(df.Value, $"{sf}.defect") : WakeUpDefect.None;
                            if (attacked && defect is WakeUpDefect.Tampered)
                                throw Err(df.Value, $"{sf}.defect", "not in a file with `attack:`: tampering is the attacker's to do there (an attack step FlipBit, Substitute or Probe)");
                            if (attacked && wd.TryGetValue("answers", out var ab))
                                throw Err(ab.Key, $"{sf}.answers", "not in a file with `attack:`: give the user's answers as one queue (user.answers)");
                            if (consumed.TryGetValue(order, out var first))
                                throw Err(on, $"{sf}.order", $"order '{order}' was already woken up at line {first}; use `replay: {order.LidM}` to send that wake-up again, or a new order");
                            // A wake-up refused at the entry point (no field, unknown brand) leaves its order unused: it may be retried.
                            if (defect is not WakeUpDefect.MissingField && brand.IsKnown) consumed[order] = on.Start.Line;
                            if (pendingFaults.Count > 0 && (defect is not WakeUpDefect.NoDefect || !brand.IsKnown))
                                throw Err(pendingFaults[0].Node, pendingFaults[0].Field, "a fault or crash must come right before an honest wake-up (no defect, a known brand): the fault rules are written for those");
                            pendingFaults.Clear();
                            woken.Add(order);
                            if (wd.TryGetValue("answers", out var an)) bound.Add((i, Answers(an.Value, $"{sf}.answers")));
                            if (wd.TryGetValue("expect", out var ex)) expectations[i] = ReadExpectation(ex.Key, ex.Value, $"{sf}.expect");
                            step = new Step.WakeUp(order, brand, amount, defect)
                            {
                                ClientInfo = wd.TryGetValue("clientInfo", out var ci) ? KnowledgeValue(ci.Key, ci.Value, $"{sf}.clientInfo", clientOnly: true) : null,
                            };
                            break;
                        }
                    case "replay":
                        {
                            RequireNoPendingFaults(pendingFaults, v, sf);
                            var on = v;
                            if (v is YamlMappingNode rm)
                            {
                                var rd = Fields(rm, sf, "order", "expect");
                                on = Required(rd, v, sf, "order").Value;
                                if (rd.TryGetValue("expect", out var ex)) expectations[i] = ReadExpectation(ex.Key, ex.Value, $"{sf}.expect");
                            }
                            var order = Order(on, v is YamlMappingNode ? $"{sf}.order" : sf);
                            if (!woken.Contains(order)) throw Err(on, sf, $"order '{order}' was never woken up before this step");
                            step = new Step.Replay(order);
                            break;
                        }
                    case "installWum":
                        {
                            RequireNoPendingFaults(pendingFaults, v, sf);
                            if (EmbodimentTraits.Of(embodiment).Knowledge != KnowledgeKind.InstalledWums) throw Err(key, sf, $"only E4 installs WUMs carrying brand information (this is {embodiment})");
                            var wd = Fields(Map(v, sf), sf, "wallet", "version", "brands");
                            step = new Step.InstallWum(WalletName(Required(wd, v, sf, "wallet").Value, $"{sf}.wallet", true),
                                Int(Required(wd, v, sf, "version").Value, $"{sf}.version", 1), BrandSet(Required(wd, v, sf, "brands").Value, $"{sf}.brands"));
                            break;
                        }
                    case "changeBrands":
                        {
                            RequireNoPendingFaults(pendingFaults, v, sf);
                            var wd = Fields(Map(v, sf), sf, "wallet", "held", "advertised");
                            var held = BrandSet(Required(wd, v, sf, "held").Value, $"{sf}.held");
                            step = new Step.ChangeBrands(WalletName(Required(wd, v, sf, "wallet").Value, $"{sf}.wallet", true), held,
                                wd.TryGetValue("advertised", out var adv) ? BrandSet(adv.Value, $"{sf}.advertised") : held);
                            break;
                        }
                    case "setDown":
                        {
                            RequireNoPendingFaults(pendingFaults, v, sf);
                            var wd = Fields(Map(v, sf), sf, "wallet", "down");
                            step = new Step.SetDown(WalletName(Required(wd, v, sf, "wallet").Value, $"{sf}.wallet", true),
                                !wd.TryGetValue("down", out var dn) || Bool(dn.Value, $"{sf}.down"));
                            break;
                        }
                    case "setSilent":
                        {
                            RequireNoPendingFaults(pendingFaults, v, sf);
                            var wd = Fields(Map(v, sf), sf, "wallet", "silent");
                            step = new Step.SetSilent(WalletName(Required(wd, v, sf, "wallet").Value, $"{sf}.wallet", true),
                                !wd.TryGetValue("silent", out var sl) || Bool(sl.Value, $"{sf}.silent"));
                            break;
                        }
                    case "setKnowledge":
                        {
                            RequireNoPendingFaults(pendingFaults, v, sf);
                            step = new Step.SetKnowledge(KnowledgeValue(key, v, sf, clientOnly: false));
                            break;
                        }
                    case "fault":
                        {
                            if (attacked) throw Err(key, sf, AttackFile.NoFaults);
                            var wd = Fields(Map(v, sf), sf, "kind", "at");
                            step = new Step.Fault(EnumValue<FaultKind>(Required(wd, v, sf, "kind").Value, $"{sf}.kind"),
                                EnumValue<FaultPosition>(Required(wd, v, sf, "at").Value, $"{sf}.at"));
                            pendingFaults.Add((key, sf));
                            break;
                        }
                    case "crash":
                        {
                            if (attacked) throw Err(key, sf, AttackFile.NoFaults);
                            var wd = Fields(Map(v, sf), sf, "party", "after");
                            step = new Step.Crash(EnumValue<CrashParty>(Required(wd, v, sf, "party").Value, $"{sf}.party"),
                                EnumValue<FaultPosition>(Required(wd, v, sf, "after").Value, $"{sf}.after"));
                            pendingFaults.Add((key, sf));
                            break;
                        }
                    default: // heal written as a mapping
                        throw Err(key, sf, "write the heal step as `- heal` (it takes no fields)");
                }
                steps.Add(step);
            }
            RequireNoPendingFaults(pendingFaults, n, "steps");
            if (!steps.Any(x => x is Step.WakeUp)) throw Err(n, "steps", "at least one wakeUp");
            return steps;
        }

        private void RequireNoPendingFaults(List<(YamlNode Node, string Field)> pending, YamlNode at, string field)
        {
            if (pending.Count > 0)
                throw Err(pending[0].Node, pending[0].Field, $"a fault or crash must be followed by a wake-up (the one it is armed for), not by {field}");
        }

        private T EnumValue<T>(YamlNode n, string field) where T : struct, Enum
        {
            var v = Scalar(n, field);
            return Enum.TryParse<T>(v, ignoreCase: false, out var r) && Enum.IsDefined(r) && !char.IsDigit(v[0])
                ? r : throw Err(n, field, $"unknown value '{v}' (expected {string.Join(", ", Enum.GetNames<T>())})");
        }

        private static readonly string[] ExpectKeys = ["outcome", "wallet", "brand", "routedTo", "offered", "proxy", "credentialReleased", "credentialErased", "pInitReq", "authorizations"];

        private Expectation ReadExpectation(YamlNode key, YamlNode n, string f)
        {
            var d = Fields(Map(n, f), f, ExpectKeys);
            if (d.Count == 0) throw Err(n, f, $"an empty expectation (give some of {string.Join(", ", ExpectKeys)})");
            if (attacked && d.Keys.FirstOrDefault(k => !AttackFile.ExpectKeys.Contains(k)) is { } unobserved)
                throw Err(d[unobserved].Key, $"{f}.{unobserved}", $"not observed in an attacked run (expect {string.Join(", ", AttackFile.ExpectKeys)} there)");
            string? Text(string k) => d.TryGetValue(k, out var x) ? Scalar(x.Value, $"{f}.{k}") : null;
            bool? Flag(string k) => d.TryGetValue(k, out var x) ? Bool(x.Value, $"{f}.{k}") : null;
            IReadOnlyList<string>? Names(string k) => d.TryGetValue(k, out var x)
                ? x.Value is YamlScalarNode ? [Scalar(x.Value, $"{f}.{k}")] : Seq(x.Value, $"{f}.{k}").Children.Select((c, i) => Scalar(c, $"{f}.{k}[{i}]")).ToList()
                : null;
            var outcome = Text("outcome");
            if (outcome is not null && outcome != "Paid" && !(Enum.TryParse<Reason>(outcome, false, out var r) && Enum.IsDefined(r) && !char.IsDigit(outcome[0])))
                throw Err(d["outcome"].Value, $"{f}.outcome", $"unknown outcome '{outcome}' (expected Paid or a refusal: {string.Join(", ", Enum.GetNames<Reason>())})");
            return new Expectation(key.Start.Line)
            {
                Outcome = outcome,
                Wallet = Text("wallet"),
                Brand = Text("brand"),
                RoutedTo = Names("routedTo"),
                Offered = Names("offered"),
                Proxy = Flag("proxy"),
                CredentialReleased = Flag("credentialReleased"),
                CredentialErased = Flag("credentialErased"),
                PInitReq = Flag("pInitReq"),
                Authorizations = d.TryGetValue("authorizations", out var au) ? Int(au.Value, $"{f}.authorizations", 0) : null,
            };
        }

        private OrderId Order(YamlNode n, string field)
        {
            var v = Scalar(n, field);
            var slash = v.IndexOf('/');
            if (slash == 0 || slash == v.Length - 1) throw Err(n, field, $"'{v}': expected LID or MERCHANT/LID");
            var merchant = slash < 0 ? DefaultMerchant : v[..slash];
            // A LID alone is the first merchant's (SHOP-1's) order: with a merchants: list, SHOP-1 must be in it.
            if (merchants.Count == 0 ? merchant != DefaultMerchant : !merchants.Contains(merchant))
                throw Err(n, field, $"'{v}': unknown merchant '{merchant}' (merchants: {(merchants.Count == 0 ? DefaultMerchant + ", the only one without a merchants: list" : string.Join(", ", merchants))})");
            return new OrderId(merchant, slash < 0 ? v : v[(slash + 1)..]);
        }

        private WakeUpDefect Defect(YamlNode n, string field) => Scalar(n, field) switch
        {
            "none" => WakeUpDefect.None,
            "missingField" => WakeUpDefect.Missing,
            "tamperedOI" => new WakeUpDefect.Tampered(TamperSite.OI),
            "tamperedPI" => new WakeUpDefect.Tampered(TamperSite.PI),
            "tamperedDualSig" => new WakeUpDefect.Tampered(TamperSite.DualSig),
            "tamperedCert" => new WakeUpDefect.Tampered(TamperSite.Cert),
            var x => throw Err(n, field, $"unknown defect '{x}' (expected none, missingField, tamperedOI, tamperedPI, tamperedDualSig, tamperedCert)"),
        };
    }
}
