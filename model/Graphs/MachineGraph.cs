using System.Collections.Immutable;
using MultiWallet.Model.Client;
using MultiWallet.Model.Machines;
using MultiWallet.Model.Prediction;
using MultiWallet.Model.Server;
using MultiWallet.Model.Set;
using MultiWallet.Model.Vocabulary;
using Stateless.Graph;
using Stateless.Reflection;

namespace MultiWallet.Model.Graphs;

/// <summary>One machine's graph in both export formats.</summary>
public sealed record MachineGraph(string Name, StateMachineInfo Info, string Dot, string Mermaid);
