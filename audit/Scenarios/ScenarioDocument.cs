using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Audit.Scenarios;

/// <summary>A scenario file parsed into the model's vocabulary (see scenarios/README.md for the format).</summary>
public sealed record ScenarioDocument(string Path, string? Title, Topology Topology, UserScript User, IReadOnlyList<Step> Steps);
