using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Model.Machines;

/// <summary>
/// Walks the candidates of an embodiment's routing knowledge in registration order (DECISIONS.md,
/// "first capable wins", "unreachable skipped while routing"). The machines' Probe guards read it; the
/// Probe transitions advance it.
/// </summary>
public sealed class RouteCursor(IReadOnlyList<Candidate> candidates, Brand brand, Func<string, bool> answers, bool ignoreBrand = false)
{
    private int index;

    public bool Exhausted => index >= candidates.Count;
    public Candidate Current => candidates[index];
    /// <summary>The knowledge lists the requested brand for the current candidate (the routing rule).</summary>
    public bool ListsBrand => !Exhausted && Current.Listed is { } l && (ignoreBrand ? l.Count > 0 : l.Contains(brand));
    public bool CurrentAnswers => !Exhausted && answers(Current.Wallet);
    public bool Dispatchable => ListsBrand && CurrentAnswers;
    public bool ListedButSilent => ListsBrand && !CurrentAnswers;
    public bool NotListed => !Exhausted && !ListsBrand;
    public void Advance() => index++;
}
