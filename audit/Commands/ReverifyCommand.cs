using System.Collections.Concurrent;
using System.ComponentModel;
using System.Globalization;
using MultiWallet.Audit.Evidence;
using MultiWallet.Checks.Invariants;
using MultiWallet.Impl.World;
using MultiWallet.Model.Machines;
using Spectre.Console;
using Spectre.Console.Cli;
using SharedCampaign = MultiWallet.Checks.Invariants.Campaign;

namespace MultiWallet.Audit.Commands;

/// <summary>
/// `reverify DIR`: replays a random sample of the cases an evidence directory's ledger (cases.jsonl) recorded and
/// compares each replay's <see cref="CaseDigest"/> with the recorded one. The sample is drawn from a seed that is
/// printed, so the same sample can be drawn again.
/// </summary>
public sealed class ReverifyCommand(IAnsiConsole console, ErrorConsole errors) : Command<ReverifyCommand.Settings>
{
    /// <summary>The exit codes, as the help shows them.</summary>
    public const string ExitCodes = "Exit codes: 0 every sampled case replayed to its recorded digest; 1 a sampled case did not (each one is named); "
        + "2 bad usage or a missing or malformed ledger; 3 internal error.";

    /// <summary>The arguments and options of the verb.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>The evidence directory `verify --out` wrote (it holds cases.jsonl).</summary>
        [CommandArgument(0, "<DIR>")]
        [Description("The evidence directory `verify --out` wrote (it holds cases.jsonl).")]
        public string Dir { get; init; } = "";

        /// <summary>Share of the recorded cases to replay, as a percentage (e.g. 10%); at least one case.</summary>
        [CommandOption("--sample <PERCENT>")]
        [Description("Share of the recorded cases to replay, as a percentage (e.g. 10%); at least one case.")]
        [DefaultValue("10%")]
        public string Sample { get; init; } = "10%";

        /// <summary>Seed of the sample (default: a fresh one, printed so the sample can be drawn again).</summary>
        [CommandOption("--seed <S>")]
        [Description("Seed of the sample (default: a fresh one, printed so the sample can be drawn again).")]
        public int? Seed { get; init; }

        /// <summary>The --sample percentage, or null when it is not one.</summary>
        public double? Percent =>
            double.TryParse(Sample.Trim().TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var p) && p > 0 && p <= 100 ? p : null;

        /// <summary>Bad values are usage errors (exit 2).</summary>
        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Dir)) return ValidationResult.Error("reverify needs the evidence directory");
            if (Percent is null) return ValidationResult.Error($"--sample: {Sample} is not a percentage in (0, 100] (e.g. 10%)");
            return ValidationResult.Success();
        }
    }

    /// <summary>Runs the verb; the exit code is one of <see cref="AuditApp"/>'s (<see cref="ExitCodes"/>).</summary>
    public override int Execute(CommandContext context, Settings s, CancellationToken cancellationToken)
    {
        var path = Path.Combine(s.Dir, CaseLedgerWriter.FileName);
        if (!File.Exists(path))
        {
            errors.Console.MarkupLineInterpolated($"[red]usage error:[/] no case ledger at {path} (written by `verify` when a check derives from the shared campaign)");
            return AuditApp.ExitUsage;
        }
        CaseLedger ledger;
        try { ledger = CaseLedger.Read(path); }
        catch (InvalidDataException e)
        {
            errors.Console.MarkupLineInterpolated($"[red]usage error:[/] {e.Message}");
            return AuditApp.ExitUsage;
        }
        if (ledger.Entries.Count == 0)
        {
            errors.Console.MarkupLineInterpolated($"[red]usage error:[/] {path} records no case");
            return AuditApp.ExitUsage;
        }

        var seed = s.Seed ?? Random.Shared.Next();
        var sample = Draw(ledger.Entries, s.Percent!.Value, seed);
        console.WriteLine($"reverify {path}: {sample.Count} of {ledger.Entries.Count} recorded cases (--sample {s.Sample} --seed {seed}), campaign seed {ledger.Seed}, {ledger.Cases} per embodiment");

        var transport = ledger.Http ? WorldTransport.Http : WorldTransport.InMemory;
        var replayed = new ConcurrentDictionary<CaseLedgerEntry, string>();
        foreach (var group in sample.GroupBy(x => x.Embodiment))
        {
            // Regenerating a case index needs the embodiment's sequence up to it (each case's random state follows the previous
            // one's): the sequence streams past, and only the sampled cases are executed, a window at a time.
            var wanted = group.ToLookup(x => x.Index);
            var sampled = SharedCampaign.Stream(group.Key, ledger.Seed).Take(group.Max(x => x.Index) + 1).Select((scenario, index) => (scenario, index)).Where(x => wanted.Contains(x.index));
            foreach (var (index, digest) in OrderedWindows.Map(sampled, x => (x.index, CaseDigest.Of(SharedCampaign.Execute(x.scenario, ledger.Seed, null, transport, new TransitionCoverage())))))
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var entry in wanted[index]) replayed[entry] = digest;
            }
        }

        var mismatches = sample.Where(x => replayed[x] != x.Digest).ToList();
        foreach (var m in mismatches)
            console.MarkupLineInterpolated($"[red]MISMATCH[/] {m}: recorded {m.Digest}, replayed {replayed[m]}");
        if (mismatches.Count > 0)
        {
            console.MarkupLineInterpolated($"[red bold]FAILED[/]: {mismatches.Count} of {sample.Count} sampled cases did not replay to their recorded digest");
            return AuditApp.ExitFailed;
        }
        console.MarkupLineInterpolated($"[green bold]PASSED[/]: {sample.Count} sampled cases replayed to their recorded digests");
        return AuditApp.ExitOk;
    }

    /// <summary>The sample: ⌈percent × count⌉ entries (at least one) drawn without replacement from a seeded stream, in ledger order.</summary>
    public static IReadOnlyList<CaseLedgerEntry> Draw(IReadOnlyList<CaseLedgerEntry> entries, double percent, int seed)
    {
        var k = Math.Clamp((int)Math.Ceiling(entries.Count * percent / 100), 1, entries.Count);
        var order = Enumerable.Range(0, entries.Count).ToArray();
        var random = new Random(seed);
        // A partial Fisher–Yates shuffle: the first k positions are the sample.
        for (var i = 0; i < k; i++)
        {
            var j = random.Next(i, order.Length);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return [.. order.Take(k).Order().Select(i => entries[i])];
    }
}
