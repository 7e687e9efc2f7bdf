namespace MultiWallet.Impl.Client.User;

/// <summary>
/// A user driven by a script of answers, consumed in order; records every question asked.
/// An exhausted script answers nothing (null), which the system must handle as "no choice".
/// </summary>
public sealed class ScriptedUser(IEnumerable<string?> answers) : IUser
{
    private readonly Queue<string?> script = new(answers);
    private readonly List<UserExchange> log = [];
    private readonly Lock gate = new();

    /// <summary>Every question asked so far, with what was offered and answered.</summary>
    public IReadOnlyList<UserExchange> Log { get { lock (gate) return [.. log]; } }

    /// <summary>Replaces what is left of the script (a live session that hands the user a new script).</summary>
    public void Restart(IEnumerable<string?> answers)
    {
        lock (gate)
        {
            script.Clear();
            foreach (var a in answers) script.Enqueue(a);
        }
    }

    /// <inheritdoc/>
    public string? Choose(string question, IReadOnlyList<string> options) => Answer(question, options);

    /// <inheritdoc/>
    public string? TypeAddress(string question) => Answer(question, []);

    private string? Answer(string question, IReadOnlyList<string> options)
    {
        lock (gate)
        {
            var answer = script.Count > 0 ? script.Dequeue() : null;
            log.Add(new UserExchange(question, options, answer));
            return answer;
        }
    }
}
