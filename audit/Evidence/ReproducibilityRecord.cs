namespace MultiWallet.Audit.Evidence;

/// <summary>What a re-run needs to reproduce the bundle, and what it ran on.</summary>
/// <param name="Command">The exact command that re-runs it (from the repository root).</param>
/// <param name="GitCommit">The commit the audit was built from ("unknown" outside a git checkout).</param>
/// <param name="Dirty">Whether <c>git status --porcelain</c> listed anything at the start of the run (null when unknown): a dirty tree is not the commit.</param>
/// <param name="Seed">The seed of every generator.</param>
/// <param name="Cases">Cases per generated check in this run.</param>
/// <param name="FullBudget">Cases per generated check a "conforms" verdict needs.</param>
/// <param name="Network">memory or http.</param>
/// <param name="Filter">The --only / --embodiment filter, empty for the whole catalog.</param>
/// <param name="Sdk">The .NET SDK (<c>dotnet --version</c>), or "unknown".</param>
/// <param name="Runtime">The .NET runtime the audit ran on.</param>
/// <param name="Os">The operating system and architecture.</param>
/// <param name="OpenSsl">The openssl the interop checks call (<c>openssl version</c>), or "not found".</param>
/// <param name="Sbom">The bundle file holding the suite's own SBOM.</param>
/// <param name="SbomSource">Where the SBOM was read from (the audit's deps.json, written by the build).</param>
/// <param name="Packages">Every library the audit was built with.</param>
public sealed record ReproducibilityRecord(
    string Command, string GitCommit, bool? Dirty, int Seed, int Cases, int FullBudget, string Network, IReadOnlyList<string> Filter,
    string Sdk, string Runtime, string Os, string OpenSsl, string Sbom, string SbomSource, IReadOnlyList<PackageRecord> Packages);
