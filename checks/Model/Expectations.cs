using MultiWallet.Model.Machines;
using MultiWallet.Model.Prediction;
using MultiWallet.Model.Vocabulary;
using MultiWallet.Checks.Catalog;

namespace MultiWallet.Checks.Model;

/// <summary>Collects mismatches between hand-written expectations and predictions.</summary>
internal sealed class Expectations
{
    private readonly List<string> _failures = [];
    private int _count;

    /// <summary>
    /// Expects <paramref name="outcome"/> and exactly the events given (strings or string arrays, in order),
    /// followed by the Outcome event.
    /// </summary>
    public void That(string label, StepPrediction p, string outcome, params object[] events)
    {
        _count++;
        var expected = events.SelectMany(e => e is string s ? [s] : (IEnumerable<string>)e).Append($"Outcome({outcome})").ToList();
        var actual = p.Events.Select(e => e.ToString()).ToList();
        if (p.Outcome.ToString() != outcome || !actual.SequenceEqual(expected))
            _failures.Add($"{label}: expected {outcome}\n    {string.Join("\n    ", expected)}\n  predicted {p.Outcome}\n    {string.Join("\n    ", actual)}");
    }

    public void True(string label, bool condition)
    {
        _count++;
        if (!condition) _failures.Add(label);
    }

    public CheckOutcome Result(string what) => _failures.Count == 0
        ? CheckOutcome.Pass($"{_count} expectations hold: {what}", _count)
        : CheckOutcome.Fail(string.Join("\n", _failures), _count);
}
