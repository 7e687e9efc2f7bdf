using System.Text;
using MultiWallet.Checks.Catalog;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Recorded;

/// <summary>
/// The recorded-trace corpus checked by the checker `audit check-trace` runs: every honest trace (campaign cases of every
/// embodiment, `serve` logs over HTTPS, a partially observed log) conforms, every injected defect is flagged with the
/// requirement it breaks on exactly the edited order with a witness that shows it and is minimal, and the generated files
/// are what the seed regenerates.
/// </summary>
internal static class RecordedTraceChecks
{
    private static (IReadOnlyList<OrderVerdict> Verdicts, TraceCheckSummary Summary) CheckLines(IReadOnlyList<string> lines)
    {
        var checker = new TraceChecker();
        using var reader = new StringReader(string.Join('\n', lines));
        var verdicts = checker.Check(TraceLogReader.Read(reader)).ToList();
        return (verdicts, checker.Summary);
    }

    [Check("RECORDED-HONEST-CONFORM", Title = "every honest recorded trace of the corpus (campaign cases of E1–E12, serve logs over HTTPS, a partially observed log) conforms order by order",
        Requirements = ["INV-CONFORM", "INV-ROUTE-SOUND", "INV-OFFER", "INV-ONCE", "INV-CUSTODY", "INV-DUAL-SIG"], AllEmbodiments = true, Kind = CheckKind.Example)]
    public static CheckOutcome HonestConform(CheckContext ctx)
    {
        var files = Enum.GetValues<Embodiment>().Select(RecordedCorpus.HonestFile).Concat(RecordedCorpus.ServeFiles).Append(RecordedCorpus.PartialFile.File).ToList();
        var orders = 0;
        var events = 0;
        var judgedBodies = 0;
        foreach (var file in files)
        {
            var lines = RecordedCorpus.Read(file);
            var (verdicts, summary) = CheckLines(lines);
            if (summary.Orders == 0) return CheckOutcome.Fail($"{file}: no order in the file");
            if (verdicts.FirstOrDefault(v => !v.Conforms) is { } bad)
                return CheckOutcome.Fail($"{file}: order {bad.Order} of case {bad.CaseId} diverges: {bad.Divergence!.Requirement} {bad.Divergence.Message}") with
                { Counterexample = string.Join('\n', bad.Divergence.Witness) };
            orders += summary.Orders;
            events += summary.Events;
            judgedBodies += lines.Count(l => l.Contains("\"kind\":\"PReq\"", StringComparison.Ordinal) && l.Contains("\"body\"", StringComparison.Ordinal));
            ctx.Log($"{file}: {summary.Orders} order(s), {summary.Events} event(s) conform");
        }
        // The partial log must really be partial (no decision, no body), or it would prove nothing about partial observability.
        var partial = RecordedCorpus.Read(RecordedCorpus.PartialFile.File);
        if (partial.Any(l => l.Contains("\"type\":\"decision\"", StringComparison.Ordinal) || l.Contains("\"body\"", StringComparison.Ordinal)))
            return CheckOutcome.Fail($"{RecordedCorpus.PartialFile.File} records decisions or bodies: not a partially observed log");
        if (judgedBodies == 0) return CheckOutcome.Fail("no PReq body in the honest corpus: the dual signature was never verified");
        return CheckOutcome.Pass($"{files.Count} honest files, {orders} orders, {events} events conform ({judgedBodies} PReq dual signatures verified)", orders);
    }

    [Check("RECORDED-DEFECT-WRONG-ROUTE", Title = "check-trace flags a recorded route to a wallet the knowledge does not list (E3–E6), as INV-ROUTE-SOUND, with a minimal witness",
        Requirements = ["INV-ROUTE-SOUND"], Embodiments = [Embodiment.E3], Kind = CheckKind.Example)]
    public static CheckOutcome WrongRoute(CheckContext ctx) => Defect(ctx, InjectedDefect.WrongRoute);

    [Check("RECORDED-DEFECT-SECOND-AUTHORIZATION", Title = "check-trace flags a second authorization of one order as INV-ONCE, with a minimal witness",
        Requirements = ["INV-ONCE"], Embodiments = [Embodiment.E1], Kind = CheckKind.Example)]
    public static CheckOutcome SecondAuthorization(CheckContext ctx) => Defect(ctx, InjectedDefect.SecondAuthorization);

    [Check("RECORDED-DEFECT-CREDENTIAL-KEPT", Title = "check-trace flags an E8 credential the master never erased as INV-CUSTODY, with a minimal witness",
        Requirements = ["INV-CUSTODY", "E8"], Embodiments = [Embodiment.E8], Kind = CheckKind.Example)]
    public static CheckOutcome CredentialKept(CheckContext ctx) => Defect(ctx, InjectedDefect.CredentialKept);

    [Check("RECORDED-DEFECT-OFFER-CANNOT-PAY", Title = "check-trace flags an offer listing a wallet the SSW information does not list (one that cannot pay) as INV-OFFER, with a minimal witness",
        Requirements = ["INV-OFFER"], Embodiments = [Embodiment.E12], Kind = CheckKind.Example)]
    public static CheckOutcome OfferCannotPay(CheckContext ctx) => Defect(ctx, InjectedDefect.OfferCannotPay);

    [Check("RECORDED-DEFECT-DUAL-SIGNATURE", Title = "check-trace flags a recorded PReq whose dual signature does not verify (the implementation's SET verification) as INV-DUAL-SIG, with a minimal witness",
        Requirements = ["INV-DUAL-SIG"], Embodiments = [Embodiment.E11], Kind = CheckKind.Example)]
    public static CheckOutcome BadDualSignature(CheckContext ctx) => Defect(ctx, InjectedDefect.BadDualSignature);

    private static CheckOutcome Defect(CheckContext ctx, InjectedDefect defect)
    {
        var (_, file, _) = RecordedCorpus.DefectFiles.Single(d => d.Defect == defect);
        var expected = DefectInjector.Requirement(defect);
        var lines = RecordedCorpus.Read(file);
        var (verdicts, summary) = CheckLines(lines);
        var diverging = verdicts.Where(v => !v.Conforms).ToList();
        if (diverging.Count == 0) return CheckOutcome.Fail($"{file}: check-trace passed every order ({summary.Orders}); the {defect} was not flagged");
        if (diverging.Count > 1) return CheckOutcome.Fail($"{file}: {diverging.Count} orders diverge ({string.Join(", ", diverging.Select(v => $"{v.CaseId} {v.Order}: {v.Divergence!.Requirement}"))}); the edit touched one");
        var v = diverging[0];
        var d = v.Divergence!;
        var shown = $"{d.Requirement} case {v.CaseId} order {v.Order}: {d.Message}\n" + string.Join('\n', d.Witness.Select(w => "  " + w));
        if (d.Requirement != expected) return CheckOutcome.Fail($"{file}: flagged as {d.Requirement}, expected {expected}") with { Counterexample = shown };
        if (WitnessLog.Verify(lines, v) is { } weak) return CheckOutcome.Fail($"{file}: {weak}") with { Counterexample = shown };
        ctx.Log(shown);
        return CheckOutcome.Pass($"{file}: {expected} on case {v.CaseId} order {v.Order} with a {d.Witness.Count}-line witness that shows it and is minimal; {summary.Orders - 1} other orders conform") with { Counterexample = shown };
    }

    [Check("RECORDED-CORPUS-FRESH", Title = "the corpus's generated files are what the seed regenerates: the campaign's honest traces written as verify --trace-log writes them, and the partial and defective files the injector derives from them",
        Requirements = ["INV-CONFORM"], AllEmbodiments = true, Kind = CheckKind.Example)]
    public static CheckOutcome CorpusFresh(CheckContext ctx)
    {
        var files = RecordedCorpus.Derived(RecordedCorpus.Honest);
        // The one way to rewrite the committed corpus: point MW_WRITE_RECORDED_CORPUS at checks/Recorded/corpus (corpus/README.md).
        if (Environment.GetEnvironmentVariable("MW_WRITE_RECORDED_CORPUS") is { Length: > 0 } dir)
            foreach (var (name, lines) in files) File.WriteAllText(Path.Combine(dir, name), string.Join('\n', lines) + "\n", new UTF8Encoding(false));
        var stale = files.Where(f => !RecordedCorpus.Read(f.Key).SequenceEqual(f.Value)).Select(f => f.Key).ToList();
        return stale.Count == 0
            ? CheckOutcome.Pass($"{files.Count} generated corpus files equal what seed {RecordedCorpus.Seed} regenerates", files.Count)
            : CheckOutcome.Fail($"stale corpus files (regenerate them, corpus/README.md): {string.Join(", ", stale)}");
    }
}
