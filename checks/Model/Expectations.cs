using MultiWallet.Checks.Catalog;
using MultiWallet.Model.Prediction;

namespace MultiWallet.Checks.Model;

/// <summary>Collects mismatches between hand-written expectations and predictions.</summary>
internal sealed class Expectations
{
    private readonly List<string> failures = [];
    private int count;

    /// <summary>
    /// Expects <paramref name="outcome"/> and exactly the events given (strings or string arrays, in order),
    /// followed by the Outcome event.
    /// </summary>
    public void That(string label, StepPrediction p, string outcome, params object[] events)
    {
        count++;
        var expected = events.SelectMany(e => e is string s ? [s] : (IEnumerable<string>)e).Append($"Outcome({outcome})").ToList();
        var actual = p.Events.Select(e => e.ToString()).ToList();
        if (p.Outcome.ToString() != outcome || !actual.SequenceEqual(expected))
            failures.Add($"{label}: expected {outcome}\n    {string.Join("\n    ", expected)}\n  predicted {p.Outcome}\n    {string.Join("\n    ", actual)}");
    }

    public void True(string label, bool condition)
    {
        count++;
        if (!condition) failures.Add(label);
    }

    public CheckOutcome Result(string what) => failures.Count == 0
        ? CheckOutcome.Pass($"{count} expectations hold: {what}", count)
        : CheckOutcome.Fail(string.Join("\n", failures), count);
}
