using System.Collections.Concurrent;
using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;
using MultiWallet.Impl.World;
using MultiWallet.Model.Vocabulary;
using MultiWallet.Checks.Bridge;
using MultiWallet.Checks.Catalog;
using MultiWallet.Checks.Generators;

namespace MultiWallet.Checks.Invariants;

/// <summary>One executed case: the scenario and its run (or the exception the run threw).</summary>
public sealed record Case(GeneratedScenario Scenario, ConformanceResult? Result, string? Crash);
