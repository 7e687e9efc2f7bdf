using System.Diagnostics;
using System.Text;
using System.Text.Json;
using MultiWallet.Audit.Scenarios;
using MultiWallet.Checks.Catalog;
using Xunit;

namespace MultiWallet.Audit.Tests;

/// <summary>
/// The malformed-file corpus: each bad file gives exit 2 naming its cause, in bounded time and memory (the files are
/// generated here, never committed); and the sort order names are shown in.
/// </summary>
public sealed class ScenarioRobustnessTests : IDisposable
{
    private readonly string dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "mw-robust-" + Guid.NewGuid().ToString("N"))).FullName;

    /// <summary>Wall-clock bound for refusing one bad file: generous for a loaded machine, far below the seconds-to-minutes an unbounded parse took.</summary>
    private static readonly TimeSpan TimeBound = TimeSpan.FromSeconds(10);

    /// <summary>Bytes the refusing thread may allocate: a few times the file size limit.</summary>
    private const long MemoryBound = 64L * 1024 * 1024;

    public void Dispose() { if (Directory.Exists(dir)) Directory.Delete(dir, true); }

    private const string Head = "embodiment: E3\nwallets:\n  - {name: SW-1, held: [BrandA]}\n";

    private static string Repeat(string s, int n) => new StringBuilder(s.Length * n).Insert(0, s, n).ToString();

    /// <summary>The corpus: file name, its bytes, and the cause the message must name.</summary>
    public static TheoryData<string, string> Corpus() => new()
    {
        { "deep-flow", "nested more than 12 levels deep" },
        { "deep-block", "nested more than 12 levels deep" },
        { "huge", $"bytes; the limit is {ScenarioLimits.MaxFileBytes}" },
        { "many-steps", "steps[200]: more than 200 items" },
        { "long-title", $"the limit is {ScenarioLimits.MaxScalarLength}" },
        { "latin1", ":1: not UTF-8: invalid byte 0xE9 at byte offset 10" },
        { "duplicate-order", ":6: steps[1].wakeUp.order: order 'SHOP-1/ORD-1' was already woken up at line 5" },
        { "unknown-top-key", ":2: colour: unknown key 'colour'" },
        { "unknown-expect-key", ":7: steps[0].wakeUp.expect.payer: unknown key 'payer'" },
        { "alias-bomb", "anchors and aliases are not part of the format" },
        { "many-nodes", $"more than {ScenarioLimits.MaxEvents} YAML nodes" },
        { "fault-dangling", "steps[1].fault: a fault or crash must be followed by a wake-up" },
        { "fault-before-defect", "steps[0].fault: a fault or crash must come right before an honest wake-up" },
        { "unknown-fault", "fault: unknown seeded fault 'FAULT-NOPE'" },
        { "fault-wrong-embodiment", "fault: 'FAULT-E1-FIRST-WUM' is seeded in E1, this file is E3" },
        { "both-answer-forms", "answers are either one queue (user.answers) or bound to wake-ups" },
        { "bad-outcome", "steps[0].wakeUp.expect.outcome: unknown outcome 'Payed'" },
    };

    private static byte[] Bytes(string name) => name switch
    {
        "deep-flow" => Encoding.UTF8.GetBytes(Head + "title: " + Repeat("[", 50_000) + Repeat("]", 50_000) + "\nsteps: []\n"),
        "deep-block" => Encoding.UTF8.GetBytes(Head + "steps:\n" + Repeat("- ", 20_000) + "x\n"),
        "huge" => Encoding.UTF8.GetBytes(Head + "title: " + new string('x', ScenarioLimits.MaxFileBytes) + "\nsteps: []\n"),
        "many-steps" => Encoding.UTF8.GetBytes(Head + "steps:\n" + string.Concat(Enumerable.Range(0, 1_000).Select(i => $"- wakeUp: {{order: O{i}, brand: BrandA}}\n"))),
        "long-title" => Encoding.UTF8.GetBytes(Head + "title: " + new string('x', ScenarioLimits.MaxScalarLength + 1) + "\nsteps: []\n"),
        "latin1" => [.. Encoding.ASCII.GetBytes("title: caf"), 0xE9, .. Encoding.ASCII.GetBytes("\n" + Head + "steps: []\n")],
        "duplicate-order" => Encoding.UTF8.GetBytes(Head + "steps:\n  - wakeUp: {order: ORD-1, brand: BrandA}\n  - wakeUp: {order: ORD-1, brand: BrandA}\n"),
        "unknown-top-key" => Encoding.UTF8.GetBytes("embodiment: E3\ncolour: red\n"),
        "unknown-expect-key" => Encoding.UTF8.GetBytes(Head + "steps:\n  - wakeUp:\n      order: ORD-1\n      expect: {payer: SW-1}\n      brand: BrandA\n"),
        "alias-bomb" => Encoding.UTF8.GetBytes(Head + "title: &a [x, x]\nsteps: [*a, *a]\n"),
        "many-nodes" => Encoding.UTF8.GetBytes(Head + "title: [" + Repeat("x,", 25_000) + "x]\nsteps: []\n"),
        "fault-dangling" => Encoding.UTF8.GetBytes(Head + "steps:\n  - wakeUp: {order: ORD-1, brand: BrandA}\n  - fault: {kind: Drop, at: PReq}\n"),
        "fault-before-defect" => Encoding.UTF8.GetBytes(Head + "steps:\n  - fault: {kind: Drop, at: PReq}\n  - wakeUp: {order: ORD-1, brand: BrandA, defect: tamperedOI}\n"),
        "unknown-fault" => Encoding.UTF8.GetBytes(Head + "fault: FAULT-NOPE\nsteps:\n  - wakeUp: {order: ORD-1, brand: BrandA}\n"),
        "fault-wrong-embodiment" => Encoding.UTF8.GetBytes(Head + "fault: FAULT-E1-FIRST-WUM\nsteps:\n  - wakeUp: {order: ORD-1, brand: BrandA}\n"),
        "both-answer-forms" => Encoding.UTF8.GetBytes("embodiment: E2\nwallets:\n  - {name: SW-1, held: [BrandA]}\nuser: {answers: [pick: SW-1]}\nsteps:\n  - wakeUp: {order: ORD-1, brand: BrandA, answers: [pick: SW-1]}\n"),
        "bad-outcome" => Encoding.UTF8.GetBytes(Head + "steps:\n  - wakeUp: {order: ORD-1, brand: BrandA, expect: {outcome: Payed}}\n"),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Malformed_file_exits_2_naming_its_cause_in_bounded_time_and_memory(string name, string cause)
    {
        var path = Path.Combine(dir, name + ".yaml");
        File.WriteAllBytes(path, Bytes(name));
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var r = AuditTester.Run("check", path, "--json");
        clock.Stop();
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Assert.Equal(2, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Output);
        var error = doc.RootElement.GetProperty("error").GetString()!;
        Assert.StartsWith(path, error);
        Assert.Contains(cause, error);
        Assert.True(clock.Elapsed < TimeBound, $"{name}: refused after {clock.Elapsed}");
        Assert.True(allocated < MemoryBound, $"{name}: allocated {allocated} bytes");
    }

    [Fact]
    public void A_wake_up_refused_at_the_entry_point_leaves_its_order_free_for_a_retry()
    {
        var path = Path.Combine(dir, "retry.yaml");
        File.WriteAllText(path, Head + "steps:\n  - wakeUp: {order: ORD-1, brand: BrandZ}\n  - wakeUp: {order: ORD-1, brand: BrandA, defect: missingField}\n  - wakeUp: {order: ORD-1, brand: BrandA}\n");
        Assert.Equal(3, ScenarioFile.Load(path).Steps.Count);
    }

    [Fact]
    public void Names_sort_as_E1_E2_to_E12()
    {
        string[] shuffled = ["E10", "E2", "E12", "E1", "E11", "E3", "E9", "E10-unknown-address", "E2-invalid-choice"];
        Assert.Equal(["E1", "E2", "E2-invalid-choice", "E3", "E9", "E10", "E10-unknown-address", "E11", "E12"], shuffled.Order(NaturalOrder.Instance).ToArray());
        Assert.Equal(["SSW-2", "SSW-10"], new[] { "SSW-10", "SSW-2" }.Order(NaturalOrder.Instance).ToArray());
    }

    /// <summary>
    /// The catalog, and so every list of checks the evidence shows (evidence.json, junit.xml, the report, a requirement's
    /// backing checks), is in the order E1, E2, …, E12: FAULT-E2-… before FAULT-E10-…, not after it as ordinal order puts it.
    /// </summary>
    [Fact]
    public void The_catalog_and_a_requirements_backing_checks_are_listed_E1_E2_to_E12()
    {
        var ids = CheckCatalog.All.Select(c => c.Id).ToList();
        Assert.Equal(ids.Order(NaturalOrder.Instance), ids);
        Assert.True(ids.IndexOf("TRACE-E2-PATENT-EXAMPLE") < ids.IndexOf("TRACE-E10-PATENT-EXAMPLE"));
        var backing = Verdicts.Attribution.Backing("INV-PROXY-TRANSPARENT", CheckCatalog.All.Select(c => c.Meta));
        Assert.Equal(backing.Order(NaturalOrder.Instance), backing);
        Assert.NotEqual(backing.Order(StringComparer.Ordinal), backing);
    }
}
