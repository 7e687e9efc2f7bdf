using Xunit;

namespace MultiWallet.Audit.Tests;

/// <summary>
/// The tests that run `verify` with the sample checks of this assembly: <see cref="AuditApp.ExtraAssemblies"/> is
/// process-wide, so they run one at a time and after the parallel tests, never while another class resets it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EvidenceCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "verify with sample checks";
}
