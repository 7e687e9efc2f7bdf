using System.Diagnostics;
using System.Reflection;
using MultiWallet.Checks.Catalog;
using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Testing;
using Xunit;

namespace MultiWallet.Audit.Tests;

/// <summary>
/// The console for people and for CI: bad option values named with their option (exit 2), errors on stderr, no wrapping
/// off a terminal, statuses as words, --version, exit codes in every verb's help, and openssl named as a missing prerequisite.
/// </summary>
public sealed class ConsoleTests
{
    /// <summary>One command line through <see cref="AuditApp.Run"/> with separate result and error consoles, as Program.cs runs it.</summary>
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new TestConsole().Width(240);
        var errors = new TestConsole().Width(240);
        var code = AuditApp.Run(args, output, errors);
        return (code, output.Output, errors.Output);
    }

    /// <summary>Every numeric or enum option of every verb, with the arguments the verb needs before it.</summary>
    public static TheoryData<string, string> NumericOptions()
    {
        var data = new TheoryData<string, string>();
        foreach (var (verb, settings) in AuditApp.Verbs)
            foreach (var p in settings.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var type = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
                if (p.GetCustomAttribute<CommandOptionAttribute>() is { } o && (type == typeof(int) || type == typeof(double) || type.IsEnum))
                    data.Add(verb, "--" + o.LongNames[0]);
            }
        return data;
    }

    [Theory]
    [MemberData(nameof(NumericOptions))]
    public void A_bad_value_of_any_numeric_option_is_named_with_its_option_and_exits_2(string verb, string option)
    {
        string[] before = verb == "check" ? ["check", "scenarios/E1.yaml"] : [verb];
        var run = Run([.. before, option, "abc"]);
        Assert.Equal(AuditApp.ExitUsage, run.Code);
        Assert.Matches($"usage error: {option}: 'abc' is not (an integer|a number|one of)", run.Err);
        Assert.Equal("", run.Out);
        Assert.DoesNotContain("Nullable", run.Err, StringComparison.Ordinal);
    }

    /// <summary>Errors a command finds while it runs (not only while parsing) go to the error console, never into the results.</summary>
    [Theory]
    [InlineData("verify", "--only", "NO-SUCH-CHECK")]
    [InlineData("check", "no-such-file.yaml")]
    [InlineData("check-trace", "no-such-file.jsonl")]
    [InlineData("verify-bundle", "no-such-dir")]
    [InlineData("reverify", "no-such-dir")]
    public void Errors_found_while_running_go_to_stderr(params string[] args)
    {
        var (code, output, errors) = Run(args);
        Assert.Equal(AuditApp.ExitUsage, code);
        var first = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        Assert.False(string.IsNullOrEmpty(first), $"nothing on the error console; results console: {output}");
        Assert.DoesNotContain(first, output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_issue_s_example_reads_as_it_should()
    {
        var run = Run("verify", "--seed", "abc");
        Assert.Equal(2, run.Code);
        Assert.Equal("usage error: --seed: 'abc' is not an integer", run.Err.Trim());
        Assert.Contains("--cases: '99999999999' is out of range", Run("verify", "--cases", "99999999999").Err, StringComparison.Ordinal);
        Assert.Contains("--seed: needs a value", Run("verify", "--seed").Err, StringComparison.Ordinal);
        Assert.Contains("--timeout: 'x' is not a number", Run("check", "f.yaml", "--timeout=x").Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Good_values_pass_the_option_check()
    {
        Assert.Null(OptionValues.FirstError(["verify", "--seed", "-5", "--cases", "16"], AuditApp.Verbs));
        Assert.Null(OptionValues.FirstError(["bench", "--seconds", "0.5", "--soak"], AuditApp.Verbs));
        Assert.Null(OptionValues.FirstError(["check", "f.yaml", "--timeout=2.5", "--json"], AuditApp.Verbs));
        Assert.Null(OptionValues.FirstError(["no-such-verb", "--seed", "abc"], AuditApp.Verbs)); // Spectre names the verb
    }

    [Fact]
    public void Usage_errors_go_to_the_error_console_only()
    {
        var run = Run("verify", "--no-such-option");
        Assert.Equal(2, run.Code);
        Assert.Contains("usage error:", run.Err, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void Version_prints_the_informational_version_and_the_commit()
    {
        var run = Run("--version");
        Assert.Equal(0, run.Code);
        Assert.Matches(@"^\d+\.\d+\.\d+\S* \(commit ([0-9a-f]{7,}|unknown)\)$", run.Out.Trim());
        Assert.Equal(AuditApp.VersionLine(), run.Out.Trim());
    }

    [Theory]
    [InlineData("verify")]
    [InlineData("check")]
    [InlineData("graphs")]
    [InlineData("bench")]
    [InlineData("serve")]
    public void Every_verb_s_help_lists_its_exit_codes_3_included(string verb)
    {
        var run = AuditTester.Run(verb, "--help");
        Assert.Equal(0, run.ExitCode);
        var flat = string.Join(' ', run.Output.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
        Assert.Contains("Exit codes: 0 ", flat, StringComparison.Ordinal);
        Assert.Contains("2 bad usage", flat, StringComparison.Ordinal);
        Assert.Contains("3 internal error", flat, StringComparison.Ordinal);
    }

    [Fact]
    public void Off_a_terminal_nothing_wraps()
    {
        var w = new StringWriter();
        var console = AuditConsoles.Create(w, redirected: true);
        var line = "replay: dotnet run --project audit -- verify --seed 20000203 --cases 1000 --only " + string.Join(',', Enumerable.Range(1, 30).Select(i => $"PROP-INV-{i}"));
        Assert.True(line.Length > 300);
        console.MarkupLineInterpolated($"[red]FAILED[/] {line}");
        // Colour is Spectre's to detect (NO_COLOR, CI variables); the text must be one line.
        var plain = System.Text.RegularExpressions.Regex.Replace(w.ToString(), "\u001b\\[[0-9;]*m", "");
        Assert.Equal("FAILED " + line, plain.TrimEnd('\r', '\n'));
    }

    [Fact]
    public void The_help_names_the_installed_tool_by_its_command()
    {
        Assert.Equal("multiwallet-audit", AuditApp.ApplicationName("/home/ci/.dotnet/tools/multiwallet-audit"));
        Assert.Equal("multiwallet-audit", AuditApp.ApplicationName(@"C:\tools\multiwallet-audit.exe"));
        Assert.Equal(AuditApp.RepositoryCommand, AuditApp.ApplicationName("/repo/audit/bin/Debug/net10.0/MultiWallet.Audit"));
        Assert.Equal(AuditApp.RepositoryCommand, AuditApp.ApplicationName("/usr/bin/dotnet"));
        Assert.Equal(AuditApp.RepositoryCommand, AuditApp.ApplicationName(null));
    }

    [Fact]
    public void The_embodiment_summary_says_each_status_in_words_in_natural_order()
    {
        AuditApp.ExtraAssemblies = [typeof(SampleChecks).Assembly];
        var dir = Path.Combine(Path.GetTempPath(), "mw-console-" + Guid.NewGuid().ToString("N"));
        try
        {
            var run = AuditTester.Run("verify", "--cases", "2", "--out", dir, "--only", "AUDIT-SAMPLE-FAILS,CATALOG-WELLFORMED", "--seed", "7");
            Assert.Equal(1, run.ExitCode);
            var line = run.Output.Split('\n').Single(l => l.StartsWith("embodiments:", StringComparison.Ordinal));
            Assert.Matches(@"^embodiments: E1 (conforms|fails|not assessed), E2 ", line);
            Assert.True(line.IndexOf("E9 ", StringComparison.Ordinal) < line.IndexOf("E10 ", StringComparison.Ordinal));
            Assert.Contains("       replay: dotnet run --project audit -- verify --seed 7 --cases 2 --only AUDIT-SAMPLE-FAILS", run.Output, StringComparison.Ordinal);
            Assert.Matches(@"invariants: 1 fails, \d+ not assessed", run.Output);
        }
        finally
        {
            AuditApp.ExtraAssemblies = [];
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Openssl_missing_from_PATH_is_named_as_a_prerequisite()
    {
        var interop = CheckCatalog.Discover([typeof(CheckCatalog).Assembly]).Where(c => c.Meta.Kind == CheckKind.Interop).ToList();
        Assert.NotEmpty(interop);
        var empty = Directory.CreateTempSubdirectory("mw-path-").FullName;
        try
        {
            var message = Prerequisites.Missing(interop, empty);
            Assert.NotNull(message);
            Assert.StartsWith("missing prerequisite: openssl (needed by the openssl interop checks: ", message, StringComparison.Ordinal);
            Assert.Contains(interop[0].Id, message, StringComparison.Ordinal);
            Assert.Null(Prerequisites.Missing(CheckCatalog.Discover([typeof(CheckCatalog).Assembly]).Where(c => c.Meta.Kind != CheckKind.Interop), empty));
            File.WriteAllText(Path.Combine(empty, OperatingSystem.IsWindows() ? "openssl.exe" : "openssl"), "");
            Assert.Null(Prerequisites.Missing(interop, empty));
        }
        finally { Directory.Delete(empty, recursive: true); }
    }

    [Fact]
    public async Task The_process_without_openssl_exits_2_naming_it_on_stderr_before_any_check_runs()
    {
        var interop = CheckCatalog.Discover([typeof(CheckCatalog).Assembly]).Where(c => c.Meta.Kind == CheckKind.Interop).Select(c => c.Id);
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
            : Prerequisites.Find("dotnet", Environment.GetEnvironmentVariable("PATH")) ?? "dotnet";
        var empty = Directory.CreateTempSubdirectory("mw-path-").FullName;
        var outDir = Path.Combine(empty, "evidence");
        try
        {
            var psi = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { "exec", Path.Combine(AppContext.BaseDirectory, "MultiWallet.Audit.dll"), "verify", "--cases", "2", "--out", outDir, "--only", string.Join(',', interop) })
                psi.ArgumentList.Add(a);
            psi.Environment["PATH"] = empty;
            using var p = Process.Start(psi)!;
            using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var stdoutTask = p.StandardOutput.ReadToEndAsync(limit.Token);
            var stderrTask = p.StandardError.ReadToEndAsync(limit.Token);
            await p.WaitForExitAsync(limit.Token);
            var (stdout, stderr) = (await stdoutTask, await stderrTask);
            Assert.Equal(AuditApp.ExitUsage, p.ExitCode);
            Assert.StartsWith("missing prerequisite: openssl", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("Win32Exception", stderr + stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("missing prerequisite", stdout, StringComparison.Ordinal);
            Assert.False(Directory.Exists(outDir), "nothing is written before the prerequisite check");
            // One line, unwrapped although stderr is a pipe, however long the list of checks.
            Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
        finally { Directory.Delete(empty, recursive: true); }
    }

    [Fact]
    public void Ids_sort_naturally()
    {
        string[] shuffled = ["E10", "E2", "E1", "E12", "E11", "E3", "INV-10", "INV-2", "TRACE-E10-A", "TRACE-E9-B", "E02"];
        Assert.Equal(["E1", "E2", "E02", "E3", "E10", "E11", "E12", "INV-2", "INV-10", "TRACE-E9-B", "TRACE-E10-A"],
            NaturalOrder.Sort(shuffled));
        Assert.Equal(0, NaturalOrder.Instance.Compare("C13", "C13"));
        Assert.True(NaturalOrder.Instance.Compare("C9", "C13") < 0);
        Assert.True(NaturalOrder.Instance.Compare("E1", "E1-X") < 0);
        Assert.True(NaturalOrder.Instance.Compare("99999999999999999999", "100000000000000000000") < 0, "digit runs beyond long compare by length");
    }
}
