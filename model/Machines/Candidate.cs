using System.Collections.Immutable;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Model.Machines;

/// <summary>A routing candidate: a wallet and the brands the decider's knowledge lists for it (null = no answer to the query).</summary>
public sealed record Candidate(string Wallet, ImmutableSortedSet<Brand>? Listed);
