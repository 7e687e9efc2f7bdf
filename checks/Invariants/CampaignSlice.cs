using System.Text.Json.Serialization;
using MultiWallet.Impl.World;

namespace MultiWallet.Checks.Invariants;

/// <summary>A serialized slice of the shared campaign (<see cref="TallyJson"/>).</summary>
public sealed record CampaignSlice
{
    /// <summary>The campaign's seed.</summary>
    public int Seed { get; init; }
    /// <summary>The campaign's budget: scenarios generated per embodiment.</summary>
    public int PerEmbodiment { get; init; }
    /// <summary>The network the scenarios ran over.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<WorldTransport>))]
    public WorldTransport Transport { get; init; }
    /// <summary>Wall-clock seconds the slice took (reporting only).</summary>
    public double Seconds { get; init; }
    /// <summary>Process CPU seconds the slice took (reporting only).</summary>
    public double CpuSeconds { get; init; }
    /// <summary>One entry per embodiment, in campaign order.</summary>
    public IReadOnlyList<EmbodimentSlice> Embodiments { get; init; } = [];
}
