namespace MultiWallet.Checks.Catalog;

/// <summary>How many conforming cases one model perturbation made diverge (0: conformance missed it).</summary>
/// <param name="Perturbation">The perturbation's name.</param>
/// <param name="Caught">Conforming cases on which the perturbed model diverges.</param>
public sealed record PerturbationCount(string Perturbation, int Caught) : IEvidence;
