using System.Collections.Immutable;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Model.Machines;

/// <summary>
/// The state carried across the steps of one run: current wallets (brand changes, outages), accepted
/// orders, installed E4 WUMs, the last wake-up of each order (for Replay), the user's remaining answers.
/// </summary>
public sealed class World
{
    private readonly Dictionary<string, WalletSpec> wallets = new(StringComparer.Ordinal);
    private int nextAnswer;

    public World(Topology topology, UserScript script)
    {
        Topology = topology;
        Script = script;
        foreach (var w in topology.Wallets) wallets[w.Name] = w;
        if (topology.Master is { } m) wallets[m.Name] = m;
        InstalledWums = topology.Knowledge.Wums.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        Knowledge = topology.Knowledge;
    }

    /// <summary>The routing knowledge held now: the topology's, until a <see cref="Step.SetKnowledge"/> replaces it.</summary>
    public Knowledge Knowledge { get; set; }

    /// <summary>
    /// The knowledge the current wake-up routes on: what the client WUM sent with it (E11/E12, <see cref="Step.WakeUp.ClientInfo"/>)
    /// when it sent something of its own, else <see cref="Knowledge"/>.
    /// </summary>
    public Knowledge InForce { get; set; } = Knowledge.None;

    public Topology Topology { get; }
    public UserScript Script { get; }
    public Embodiment Embodiment => Topology.Embodiment;
    /// <summary>What the embodiment does.</summary>
    public EmbodimentTraits Traits => Topology.Traits;
    public HashSet<OrderId> Accepted { get; } = [];
    public Dictionary<OrderId, Step.WakeUp> LastWakeUp { get; } = [];
    public Dictionary<string, WumInstall> InstalledWums { get; }

    /// <summary>The registered slave/plain wallets in registration order (the MSW excluded).</summary>
    public IReadOnlyList<string> WalletOrder => Topology.Wallets.Select(w => w.Name).ToList();

    public WalletSpec? Wallet(string name) => wallets.GetValueOrDefault(name);
    public bool Exists(string name) => wallets.ContainsKey(name);
    /// <summary>Answers within the bounded wait: exists and is not down.</summary>
    public bool Answers(string name) => wallets.TryGetValue(name, out var w) && !w.Down && !w.Silent;
    /// <summary>Accepts requests but never answers them (not down): behind a master, its Working answers keep the PC waiting meanwhile (S4).</summary>
    public bool IsSilent(string name) => wallets.TryGetValue(name, out var w) && !w.Down && w.Silent;
    public bool Holds(string name, Brand brand) => wallets.TryGetValue(name, out var w) && w.Held.Contains(brand);
    public bool IsSlave(string name) => Topology.Wallets.Any(w => w.Name == name);

    public void ChangeBrands(string name, ImmutableSortedSet<Brand> held, ImmutableSortedSet<Brand> advertised)
    {
        if (wallets.TryGetValue(name, out var w)) wallets[name] = w with { Held = held, Advertised = advertised };
    }

    public void SetDown(string name, bool down)
    {
        if (wallets.TryGetValue(name, out var w)) wallets[name] = w with { Down = down };
    }

    /// <summary>A wallet that accepts but never answers does not answer within the bounded wait: as down, for routing.</summary>
    public void SetSilent(string name, bool silent)
    {
        if (wallets.TryGetValue(name, out var w)) wallets[name] = w with { Silent = silent };
    }

    /// <summary>The next user answer; once the script runs out the user answers nothing.</summary>
    public UserAnswer NextAnswer() => nextAnswer < Script.Answers.Count ? Script.Answers[nextAnswer++] : UserAnswer.Nothing;
}
