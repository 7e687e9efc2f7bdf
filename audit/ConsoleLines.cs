using Spectre.Console;

namespace MultiWallet.Audit;

/// <summary>Lines that must reach the console exactly as given, never wrapped at the console's width.</summary>
internal static class ConsoleLines
{
    /// <summary>Writes <paramref name="line"/> unwrapped (JSON documents, one trace event per line).</summary>
    public static void WriteRaw(this IAnsiConsole console, string line)
    {
        console.Profile.Out.Writer.WriteLine(line);
        console.Profile.Out.Writer.Flush();
    }
}
