namespace MultiWallet.Audit;

/// <summary>A program the selected checks need is not installed: bad setup, reported before the run as exit 2 (never a failed check).</summary>
/// <param name="message">The line naming the program, the checks that need it, and how to install it.</param>
public sealed class MissingPrerequisiteException(string message) : Exception(message);
