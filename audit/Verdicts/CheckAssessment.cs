using System.Text.Json.Serialization;

namespace MultiWallet.Audit.Verdicts;

/// <summary>One catalog check's standing in the run, with the reason a reader needs.</summary>
/// <param name="Id">The check id.</param>
/// <param name="Standing">How it stands.</param>
/// <param name="Reason">Why, in one line (e.g. "passed at 16 of 1000 cases").</param>
public sealed record CheckAssessment(
    string Id,
    [property: JsonConverter(typeof(JsonStringEnumConverter<CheckStanding>))] CheckStanding Standing,
    string Reason);
