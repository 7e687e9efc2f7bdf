using System.Text.Encodings.Web;
using System.Text.Json;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Recorded;

/// <summary>The spellings the trace format shares between its writer and its reader (docs/protocol/trace-format.md).</summary>
public static class RecordedFormat
{
    /// <summary>One line per object, no indentation; text kept readable (the log is read by people too).</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The same spelling for lines edited as JSON nodes (the defect injector).</summary>
    public static readonly JsonSerializerOptions NodeOptions = new() { WriteIndented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The header's <c>observed</c> names.</summary>
    public static readonly IReadOnlyDictionary<string, Observed> ObservedNames = new Dictionary<string, Observed>(StringComparer.Ordinal)
    {
        ["messages"] = Observed.Messages,
        ["decisions"] = Observed.Decisions,
        ["outcomes"] = Observed.Outcomes,
    };

    /// <summary>A user answer as the header writes it: <c>pick:NAME</c>, <c>type:TEXT</c> or <c>nothing</c>.</summary>
    public static string Answer(UserAnswer a) => a switch
    {
        UserAnswer.Pick p => "pick:" + p.Name,
        UserAnswer.TypeAddress t => "type:" + t.Text,
        _ => "nothing",
    };

    /// <summary>The answer a header's text names, or null when it names none.</summary>
    public static UserAnswer? ParseAnswer(string s) =>
        s == "nothing" ? UserAnswer.Nothing
        : s.StartsWith("pick:", StringComparison.Ordinal) ? new UserAnswer.Pick(s[5..])
        : s.StartsWith("type:", StringComparison.Ordinal) ? new UserAnswer.TypeAddress(s[5..])
        : null;

    /// <summary>A wake-up's defect as written: <c>None</c>, <c>MissingField</c> or <c>Tampered:SITE</c>.</summary>
    public static string Defect(WakeUpDefect d) => d switch
    {
        WakeUpDefect.Tampered t => "Tampered:" + t.Where,
        WakeUpDefect.MissingField => "MissingField",
        _ => "None",
    };

    /// <summary>The defect a text names, or null when it names none.</summary>
    public static WakeUpDefect? ParseDefect(string s) =>
        s == "None" ? WakeUpDefect.None
        : s == "MissingField" ? WakeUpDefect.Missing
        : s.StartsWith("Tampered:", StringComparison.Ordinal) && Enum.TryParse<TamperSite>(s[9..], out var site) && Enum.IsDefined(site) ? new WakeUpDefect.Tampered(site)
        : null;
}
