using MultiWallet.Checks.Catalog;

namespace MultiWallet.Audit.Tests;

/// <summary>
/// Checks that exist only in this test assembly (handed to the audit through
/// <see cref="AuditApp.ExtraAssemblies"/>): one that always fails, and one of each Facts convention
/// so the report's trace, graph, coverage, fault and class sections are exercised.
/// </summary>
internal static class SampleChecks
{
    [Check("AUDIT-SAMPLE-FAILS", Title = "always fails (exit code 1 test)", Requirements = ["INV-CONFORM"], Kind = CheckKind.Example)]
    public static CheckOutcome Fails(CheckContext ctx) =>
        CheckOutcome.Fail("deliberate failure") with { Counterexample = "topology: {SW1: [A]}, wake-up: brand B", Replay = "(1,2)" };

    [Check("AUDIT-SAMPLE-TRACE", Title = "sample trace facts", Requirements = ["INV-CONFORM"], Kind = CheckKind.Trace)]
    public static CheckOutcome Trace(CheckContext ctx) => CheckOutcome.Pass("sample trace") with
    {
        Facts = new Dictionary<string, string>
        {
            ["trace.text"] = "POS -> PC : wake-up(order, brand A)\nPC -> WUM1 : wake-up\nWUM1 -> SW1 : purchase",
            ["trace.mermaid"] = "sequenceDiagram\n  participant POS\n  participant PC as User PC (selector)\n  participant SW1\n  POS->>PC: wake-up(order, brand A)\n  PC->>SW1: WUM1 session\n  SW1->>POS: PInitReq / PReq (dual signature)\n  POS-->>SW1: PRes",
        },
    };

    [Check("AUDIT-SAMPLE-MODEL", Title = "sample graph and coverage facts", Requirements = ["INV-CONFORM"], Kind = CheckKind.Model)]
    public static CheckOutcome Model(CheckContext ctx) => CheckOutcome.Pass("sample model") with
    {
        Facts = new Dictionary<string, string>
        {
            ["graph.Selector.mermaid"] = "stateDiagram-v2\n  [*] --> Idle\n  Idle --> Choosing : WakeUp\n  Choosing --> Handed : Chosen\n  Choosing --> Refused : NoCapable",
            ["graph.Selector.dot"] = "digraph { Idle -> Choosing [label=\"WakeUp\"] }",
            ["coverage.Selector.Idle--WakeUp-->Choosing"] = "12",
            ["coverage.Selector.Choosing--NoCapable-->Refused"] = "0",
        },
    };

    [Check("AUDIT-SAMPLE-PROPERTY", Title = "sample classes", Requirements = ["INV-CONFORM"], Kind = CheckKind.Property)]
    public static CheckOutcome Property(CheckContext ctx) => new()
    {
        Passed = true, CasesRun = ctx.Cases, Message = "ok", Replay = "(123,456)",
        Classes = new Dictionary<string, int> { ["capable wallet"] = ctx.Cases - 1, ["no capable wallet"] = 1 },
    };

    [Check("AUDIT-SAMPLE-FAULT", Title = "sample seeded fault", Requirements = ["INV-CONFORM"], Kind = CheckKind.Fault)]
    public static CheckOutcome Fault(CheckContext ctx) => CheckOutcome.Pass("detected") with
    {
        Facts = new Dictionary<string, string>
        {
            ["fault.description"] = "selector ignores the brand",
            ["fault.detectedBy"] = "AUDIT-SAMPLE-PROPERTY",
            ["fault.casesToDetect"] = "3",
            ["fault.counterexample"] = "SW1:[A], SW2:[B]; wake-up brand B",
        },
    };
}
