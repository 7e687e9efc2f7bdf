namespace MultiWallet.Tests.Architecture;

/// <summary>
/// One layer of an assembly: the namespaces that form it and its rank. A type may depend on namespaces of lower
/// ranks only (and on its own layer); layers of equal rank are siblings that never see each other.
/// </summary>
/// <param name="Name">The layer's name as the README's layering diagram shows it.</param>
/// <param name="Rank">Lower ranks sit below higher ones.</param>
/// <param name="Namespace">The namespace (and its sub-namespaces) that forms the layer.</param>
public sealed record Layer(string Name, int Rank, string Namespace);
