namespace MultiWallet.Audit.Evidence;

/// <summary>One library the audit was built with, as its deps.json records it.</summary>
/// <param name="Name">The package or project name.</param>
/// <param name="Version">Its version.</param>
/// <param name="Type">"package" (NuGet) or "project" (this repository).</param>
/// <param name="Sha512">The NuGet package's SHA-512 (hex), empty for a project.</param>
public sealed record PackageRecord(string Name, string Version, string Type, string Sha512);
