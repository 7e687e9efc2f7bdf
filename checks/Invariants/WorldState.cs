using System.Collections.Immutable;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Invariants;

/// <summary>
/// What the environment is at each step of a scenario (held and advertised brands, down wallets, installed WUMs),
/// computed from the topology and the steps alone — the invariants' oracle for "entitled", "listed", "current".
/// </summary>
public sealed class WorldState
{
    public Dictionary<string, ImmutableSortedSet<Brand>> Held { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, ImmutableSortedSet<Brand>> Advertised { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, WumInstall> Installed { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Down { get; } = new(StringComparer.Ordinal);
    /// <summary>Wallets made silent by a step (accept, never answer): unreachable within the bounded wait, as down ones.</summary>
    public HashSet<string> Silent { get; } = new(StringComparer.Ordinal);
    /// <summary>Wallets whose brands or WUM changed by a step since the start (INV-LIVE classes).</summary>
    public HashSet<string> Changed { get; } = new(StringComparer.Ordinal);
    public Topology Topology { get; }

    public WorldState(Topology t)
    {
        Topology = t;
        foreach (var w in t.Wallets.Append(t.Master).OfType<WalletSpec>())
        {
            Held[w.Name] = w.Held; Advertised[w.Name] = w.Advertised;
            if (w.Down) Down.Add(w.Name);
            if (w.Silent) Silent.Add(w.Name);
        }
        foreach (var (k, v) in t.Knowledge.Wums) Installed[k] = v;
        Knowledge = t.Knowledge;
    }

    /// <summary>The routing knowledge in force: the topology's, a SetKnowledge step's, or what the WUM sent with this wake-up (E11/E12).</summary>
    public Knowledge Knowledge { get; private set; }

    public void Apply(Step s)
    {
        switch (s)
        {
            case Step.ChangeBrands c: Held[c.Wallet] = c.Held; Advertised[c.Wallet] = c.Advertised; Changed.Add(c.Wallet); break;
            case Step.InstallWum i: if (!Installed.TryGetValue(i.Wallet, out var cur) || i.Version > cur.Version) Installed[i.Wallet] = new WumInstall(i.Version, i.Brands); Changed.Add(i.Wallet); break;
            case Step.SetDown d: if (d.Down) Down.Add(d.Wallet); else Down.Remove(d.Wallet); break;
            case Step.SetSilent q: if (q.Silent) Silent.Add(q.Wallet); else Silent.Remove(q.Wallet); break;
            case Step.SetKnowledge k: Knowledge = k.Knowledge; break;
        }
    }

    public bool Holds(string wallet, Brand b) => Held.TryGetValue(wallet, out var h) && h.Contains(b);
    public bool Exists(string wallet) => Held.ContainsKey(wallet);
    public bool Reachable(string wallet) => Exists(wallet) && !Down.Contains(wallet) && !Silent.Contains(wallet);

    /// <summary>Wallets the embodiment's routing knowledge lists for the brand now (registration order); null when it routes on the user's pick.</summary>
    public IReadOnlyList<string>? Listed(Brand b)
    {
        var t = Topology;
        var traits = t.Traits;
        if (!traits.RoutesOnKnowledge) return null;
        var names = traits.Holder switch
        {
            KnowledgeHolder.LiveQuery => t.Wallets.Select(w => w.Name).Where(w => Reachable(w) && Advertised[w].Contains(b)),
            KnowledgeHolder.InstalledWums => Installed.Where(k => k.Value.Brands.Contains(b)).Select(k => k.Key),
            _ => Knowledge.Table.Where(k => k.Value.Contains(b)).Select(k => k.Key),
        };
        return t.InRegistrationOrder(names);
    }

    /// <summary>The state before each step (a snapshot per step).</summary>
    public static IEnumerable<(Step Step, WorldState State)> Walk(Topology t, IReadOnlyList<Step> steps)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            var s = new WorldState(t);
            for (var j = 0; j < i; j++) s.Apply(steps[j]);
            if (steps[i] is Step.WakeUp { ClientInfo: { } sent }) s.Knowledge = sent;
            yield return (steps[i], s);
        }
    }
}
