namespace MultiWallet.Checks.Sut;

/// <summary>
/// A system under test: the roles it plays and where its provisioning interface listens (docs/protocol/openapi.yaml,
/// "Provisioning"). Provisioning carries private keys in the clear, so only a loopback <c>http://</c> URL is accepted.
/// </summary>
/// <param name="Roles">The roles it replaces (MSW, SSW or PC).</param>
/// <param name="Provisioning">Its provisioning base URL.</param>
/// <param name="Timeout">How long one provisioning call may take before the SUT is reported hung.</param>
public sealed record SutTarget(IReadOnlyList<string> Roles, Uri Provisioning, TimeSpan Timeout)
{
    /// <summary>The roles <c>verify --sut</c> can replace so far.</summary>
    public static readonly IReadOnlyList<string> Supported = ["MSW", "SSW", "PC"];

    /// <summary>The default wait for one provisioning call.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Parses <c>ROLE=URL</c>; null with the reason when it is not a supported role or not a loopback http URL.</summary>
    public static SutTarget? Parse(string spec, TimeSpan timeout, out string? error)
    {
        error = null;
        var eq = spec.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0) { error = $"--sut: expected ROLE=URL, got '{spec}'"; return null; }
        var role = spec[..eq].Trim().ToUpperInvariant();
        if (!Supported.Contains(role)) { error = $"--sut: role {role} is not supported (supported: {string.Join(", ", Supported)})"; return null; }
        if (!Uri.TryCreate(spec[(eq + 1)..].Trim(), UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttp)
        {
            error = $"--sut: '{spec[(eq + 1)..]}' is not an http:// URL (provisioning is plain HTTP on loopback)";
            return null;
        }
        if (!url.IsLoopback)
        {
            error = $"--sut: {url.Host} is not loopback (provisioning carries private keys: 127.0.0.1, [::1] or localhost only)";
            return null;
        }
        return new SutTarget([role], url, timeout);
    }

    /// <summary>Whether the SUT plays the master wallet.</summary>
    public bool PlaysMaster => Roles.Contains("MSW");

    /// <summary>Whether the SUT plays every slave wallet and E8 custodian.</summary>
    public bool PlaysSlaves => Roles.Contains("SSW");

    /// <summary>Whether the SUT plays the user PC's entry point (selector and WUMs, or the multi-server WUM, E1–E6).</summary>
    public bool PlaysPc => Roles.Contains("PC");
}
