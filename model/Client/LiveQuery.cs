using MultiWallet.Model.Machines;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Model.Client;

/// <summary>E5/E6: ask every SW, in registration order, for its brand information now (never cached).</summary>
public static class LiveQuery
{
    public static IReadOnlyList<Candidate> Ask(World world, Action<AbstractEvent> emit)
    {
        var candidates = new List<Candidate>();
        foreach (var w in world.WalletOrder)
        {
            var spec = world.Wallet(w)!;
            var listed = world.Answers(w) ? spec.Advertised : null;
            emit(new AbstractEvent.Queried(w, listed?.ToList()));
            candidates.Add(new Candidate(w, listed));
        }
        return candidates;
    }
}
