using Spectre.Console;

namespace MultiWallet.Audit;

/// <summary>
/// The console usage errors, unreadable inputs and failures to run go to (standard error in the process; the results
/// console in tests), so that a command's results on standard output stay clean for whatever reads them.
/// </summary>
/// <param name="Console">Where the errors are written.</param>
public sealed record ErrorConsole(IAnsiConsole Console);
