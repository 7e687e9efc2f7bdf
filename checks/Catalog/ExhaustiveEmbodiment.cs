namespace MultiWallet.Checks.Catalog;

/// <summary>One embodiment's row of <see cref="ExhaustiveEvidence"/>.</summary>
/// <param name="Embodiment">The embodiment, e.g. E7.</param>
/// <param name="RawCases">Cases of the bound with every renaming of brands counted (wallets are only ever generated named in registration order, one naming per orbit).</param>
/// <param name="Cases">Distinct cases (one per orbit under renaming of wallets and brands).</param>
/// <param name="Run">Cases run and judged.</param>
/// <param name="Seconds">Wall-clock time (reported, never judged; measured on a possibly loaded machine).</param>
public sealed record ExhaustiveEmbodiment(string Embodiment, long RawCases, long Cases, long Run, double Seconds);
