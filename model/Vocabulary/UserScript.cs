namespace MultiWallet.Model.Vocabulary;

/// <summary>
/// The user's side of a run. E1: the WUM registered before any payment (null = none registered).
/// Answers are consumed in order, one each time an embodiment asks; when they run out the user answers nothing.
/// </summary>
public sealed record UserScript(string? Preselected, IReadOnlyList<UserAnswer> Answers)
{
    public static readonly UserScript Silent = new(null, []);
    public static UserScript Answering(params UserAnswer[] answers) => new(null, answers);
}
