using Spectre.Console;

namespace MultiWallet.Audit;

/// <summary>
/// The two consoles of the process: results on stdout, usage errors and crashes on stderr. When a stream is not a
/// terminal (CI logs, pipes, files) nothing is wrapped: Spectre would otherwise assume 80 columns and split long lines
/// such as replay commands.
/// </summary>
public static class AuditConsoles
{
    /// <summary>Width given to a console whose stream is not a terminal: wide enough that no line the audit writes wraps.</summary>
    public const int UnwrappedWidth = 4096;

    /// <summary>The console writing to standard output.</summary>
    public static IAnsiConsole Out() => Create(Console.Out, Console.IsOutputRedirected);

    /// <summary>The console writing to standard error.</summary>
    public static IAnsiConsole Error() => Create(Console.Error, Console.IsErrorRedirected);

    /// <summary>A console on <paramref name="writer"/>; unwrapped when <paramref name="redirected"/>.</summary>
    public static IAnsiConsole Create(TextWriter writer, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
        if (redirected) console.Profile.Width = UnwrappedWidth;
        return console;
    }
}
