using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Invariants;

/// <summary>INV-LIVE: E4 routes on the WUM installed now; E5/E6 on the SWs' brand information now.</summary>
internal sealed class LiveInvariant : Invariant
{
    /// <inheritdoc/>
    public override string Id => "INV-LIVE";
    /// <inheritdoc/>
    public override string Title => "E4/E5/E6 route on the brand information current at wake-up time (after InstallWum/ChangeBrands)";
    /// <inheritdoc/>
    public override int Order => 9;
    /// <inheritdoc/>
    public override IReadOnlyList<string> Required => ["after change"];

    /// <inheritdoc/>
    protected override bool AppliesTo(EmbodimentTraits t) => t.LiveRouting;

    /// <inheritdoc/>
    public override string? Eval(Case c, ICollection<string> cls)
    {
        if (c.Result is null) return null;
        var traits = c.Scenario.Topology.Traits;
        foreach (var (w, s) in WakeUps(c))
            foreach (var q in w.Abstracted.OfType<AbstractEvent.Queried>().Where(q => q.Brands is not null))
            {
                var now = traits.Holder == KnowledgeHolder.InstalledWums ? (s.Installed.TryGetValue(q.Wallet, out var i) ? i.Brands : null) : s.Advertised.GetValueOrDefault(q.Wallet);
                if (s.Changed.Contains(q.Wallet)) cls.Add("after change");
                if (now is null || !q.Brands!.SequenceEqual(now)) return $"step #{w.StepIndex}: {q.Wallet} answered {Brands.Print(q.Brands!)}, current is {(now is null ? "none" : Brands.Print(now))}";
            }
        return null;
    }
}
