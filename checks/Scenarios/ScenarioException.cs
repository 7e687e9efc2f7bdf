namespace MultiWallet.Audit.Scenarios;

/// <summary>A scenario file that cannot be read: the file, the line, the field path and what is wrong.</summary>
public sealed class ScenarioException(string file, long line, string field, string message)
    : Exception($"{file}{(line > 0 ? $":{line}" : "")}: {(field.Length > 0 ? field + ": " : "")}{message}")
{
    public string File { get; } = file;
    public long Line { get; } = line;
    public string Field { get; } = field;
}
