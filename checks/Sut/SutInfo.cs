namespace MultiWallet.Checks.Sut;

/// <summary>What <c>GET /provision/info</c> reported: the evidence names the SUT by it.</summary>
public sealed record SutInfo(string Name, string Version, IReadOnlyList<string> Roles);
