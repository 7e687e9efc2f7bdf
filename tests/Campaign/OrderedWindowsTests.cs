using MultiWallet.Checks.Invariants;
using Xunit;

namespace MultiWallet.Tests.Campaign;

/// <summary>
/// <see cref="OrderedWindows"/> hands results out in source order and reads the source only a window ahead of its
/// consumer, which is what keeps a budget-sized stream of cases (faults, <c>Campaign.Executed</c>, the attacker
/// campaign) from being held whole.
/// </summary>
public sealed class OrderedWindowsTests
{
    [Fact]
    public void Results_come_in_source_order_whatever_finishes_first()
    {
        // Earlier items take longer, so on several cores later ones finish first.
        var results = OrderedWindows.Map(Enumerable.Range(0, 50), i => { Thread.Sleep((50 - i) % 7); return i * 2; }, window: 8).ToList();
        Assert.Equal(Enumerable.Range(0, 50).Select(i => i * 2), results);
    }

    [Fact]
    public void The_source_is_read_at_most_one_window_ahead_of_the_consumer()
    {
        var read = 0;
        IEnumerable<int> Source() { for (var i = 0; i < 1000; i++) { read++; yield return i; } }
        using var results = OrderedWindows.Map(Source(), i => i, window: 10).GetEnumerator();
        for (var taken = 1; taken <= 25; taken++)
        {
            Assert.True(results.MoveNext());
            Assert.True(read <= (taken + 9) / 10 * 10, $"{read} items read after {taken} results");
        }
        Assert.Equal(30, read);
    }
}
