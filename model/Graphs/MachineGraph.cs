using Stateless.Reflection;

namespace MultiWallet.Model.Graphs;

/// <summary>One machine's graph in both export formats.</summary>
public sealed record MachineGraph(string Name, StateMachineInfo Info, string Dot, string Mermaid);
