using MultiWallet.Checks.Catalog;
using MultiWallet.Model.Machines;

namespace MultiWallet.Audit.Tests;

/// <summary>
/// Checks that exist only in this test assembly (handed to the audit through
/// <see cref="AuditApp.ExtraAssemblies"/>): one that always fails, one that is always inconclusive, and one of each evidence payload
/// so the report's trace, graph, coverage, fault, attacker and class sections are exercised.
/// </summary>
internal static class SampleChecks
{
    /// <summary>Always fails, with a counterexample and a replay handle.</summary>
    [Check("AUDIT-SAMPLE-FAILS", Title = "always fails (exit code 1 test)", Requirements = ["INV-CONFORM"], Kind = CheckKind.Example)]
    public static CheckOutcome Fails(CheckContext ctx) =>
        CheckOutcome.Fail("deliberate failure") with { Counterexample = "topology: {SW1: [A]}, wake-up: brand B", Replay = "(1,2)" };

    /// <summary>Judges nothing: a wall-clock limit "fired" (exit code 4 test).</summary>
    [Check("AUDIT-SAMPLE-INCONCLUSIVE", Title = "always inconclusive (exit code 4 test)", Requirements = ["INV-CONFORM"], Kind = CheckKind.Example)]
    public static CheckOutcome Inconclusive(CheckContext ctx) => CheckOutcome.InconclusiveEnvironment("no answer within 30 s over HTTP");

    /// <summary>A check whose message alone is over 1 MiB, as the default run's whole report body is.</summary>
    [Check("AUDIT-SAMPLE-LARGE", Title = "sample check with a message over a mebibyte", Requirements = ["INV-CONFORM"], Kind = CheckKind.Example)]
    public static CheckOutcome Large(CheckContext ctx) => CheckOutcome.Pass("large: " + new string('x', 1_200_000) + " :end of the large message");

    /// <summary>Publishes one trace.</summary>
    [Check("AUDIT-SAMPLE-TRACE", Title = "sample trace evidence", Requirements = ["INV-CONFORM"], Kind = CheckKind.Trace)]
    public static CheckOutcome Trace(CheckContext ctx) => CheckOutcome.Pass("sample trace") with
    {
        Evidence =
        [
            new TraceEvidence(null,
                "POS -> PC : wake-up(order, brand A)\nPC -> WUM1 : wake-up\nWUM1 -> SW1 : purchase",
                "sequenceDiagram\n  participant POS\n  participant PC as User PC (selector)\n  participant SW1\n  POS->>PC: wake-up(order, brand A)\n  PC->>SW1: WUM1 session\n  SW1->>POS: PInitReq / PReq (dual signature)\n  POS-->>SW1: PRes"),
        ],
    };

    /// <summary>Publishes one machine graph and generated transition counts.</summary>
    [Check("AUDIT-SAMPLE-MODEL", Title = "sample graph and coverage evidence", Requirements = ["INV-CONFORM"], Kind = CheckKind.Model)]
    public static CheckOutcome Model(CheckContext ctx) => CheckOutcome.Pass("sample model") with
    {
        Evidence =
        [
            new GraphEvidence("Selector",
                "stateDiagram-v2\n  [*] --> Idle\n  Idle --> Choosing : WakeUp\n  Choosing --> Handed : Chosen\n  Choosing --> Refused : NoCapable",
                "digraph { Idle -> Choosing [label=\"WakeUp\"] }"),
            new TransitionCounts(TransitionRun.Generated,
            [
                new TransitionCount(new TransitionKey("Selector", "Idle", "WakeUp", "Choosing"), 12),
                new TransitionCount(new TransitionKey("Selector", "Choosing", "NoCapable", "Refused"), 0),
            ]),
        ],
    };

    /// <summary>Fills case classes and a replay handle.</summary>
    [Check("AUDIT-SAMPLE-PROPERTY", Title = "sample classes", Requirements = ["INV-CONFORM"], Kind = CheckKind.Property)]
    public static CheckOutcome Property(CheckContext ctx) => new()
    {
        Passed = true,
        CasesRun = ctx.Cases,
        Message = "ok",
        Replay = "(123,456)",
        Classes = new Dictionary<string, int> { ["capable wallet"] = ctx.Cases - 1, ["no capable wallet"] = 1 },
    };

    /// <summary>Publishes one seeded-fault detection.</summary>
    [Check("AUDIT-SAMPLE-FAULT", Title = "sample seeded fault", Requirements = ["INV-CONFORM"], Kind = CheckKind.Fault)]
    public static CheckOutcome Fault(CheckContext ctx) => CheckOutcome.Pass("detected") with
    {
        Evidence = [new FaultDetection("selector ignores the brand", "AUDIT-SAMPLE-PROPERTY", 3, "SW1:[A], SW2:[B]; wake-up brand B")],
    };

    /// <summary>
    /// Publishes a small attacker campaign: a cell that held, one where no step fired, one with no case, and one that
    /// violated a property, so the report's attacker section shows every kind of cell.
    /// </summary>
    [Check("AUDIT-SAMPLE-ATTACKS", Title = "sample attacker campaign evidence", Requirements = ["INV-SECRECY"], Kind = CheckKind.Property)]
    public static CheckOutcome Attacks(CheckContext ctx) => CheckOutcome.Pass("sample attacks") with
    {
        Evidence =
        [
            new AttackEvidence(
            [
                new AttackCell("E1", "N-PC", 3, new Dictionary<string, int> { ["Replay"] = 2, ["Substitute:brand"] = 1 },
                    ["PROP-INV-SECRECY", "PROP-INV-AGREEMENT"], [], ["PROP-INV-UNIFORM-FAILURE"]),
                new AttackCell("E1", "N-GATEWAY", 2, new Dictionary<string, int>(), [], [], ["PROP-INV-SECRECY", "PROP-INV-AGREEMENT", "PROP-INV-UNIFORM-FAILURE"]),
                new AttackCell("E1", "LOCAL", 0, new Dictionary<string, int>(), [], [], ["PROP-INV-SECRECY", "PROP-INV-AGREEMENT", "PROP-INV-UNIFORM-FAILURE"]),
                new AttackCell("E8", "MSW", 4, new Dictionary<string, int> { ["Probe"] = 1, ["Substitute:amount"] = 2 },
                    ["PROP-INV-SECRECY"], ["PROP-INV-UNIFORM-FAILURE"], ["PROP-INV-AGREEMENT"]),
            ], 9, 3.0, 9, 1.5),
        ],
    };
}
