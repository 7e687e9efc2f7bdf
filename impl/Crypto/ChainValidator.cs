using System.Collections.Concurrent;
using MultiWallet.Impl.Codec;
using Org.BouncyCastle.X509;

namespace MultiWallet.Impl.Crypto;

/// <summary>
/// One party's view of the PKI: the root it trusts and its clock. Validates a whole chain (signatures,
/// issuer names, validity at the party's clock, CA constraints, key usage, role shape, brand) and caches
/// validated certificates by thumbprint (SET's thumbprint idea): later messages with the same chain cost
/// one hash plus a validity check against the clock.
/// </summary>
/// <param name="root">The trust anchor.</param>
/// <param name="clock">The party's clock, against which validity periods are checked.</param>
/// <param name="party">The party named in every error.</param>
/// <param name="shareProofs">Use the process-wide proofs (default); false measures a real first validation.</param>
public sealed class ChainValidator(X509Certificate root, IClock clock, string party, bool shareProofs = true)
{
    /// <summary>
    /// Chains proven valid for a root, shared by every validator of the process. What is cached is only the
    /// clock-independent result (signatures, names, CA constraints, key usage, roles, brand, the validity
    /// window); the clock, role and brand checks below still run on every use. Failures are never cached.
    /// Without it every new world re-verifies every chain (measured: ~18 ms of a ~25 ms generated purchase).
    /// </summary>
    private static readonly ConcurrentDictionary<string, ValidatedCert> Proven = new();

    private readonly ConcurrentDictionary<string, ValidatedCert> cache = new();
    private readonly string rootThumbprint = Thumbprints.Of(root);

    /// <summary>The party this validator checks for (named in every error).</summary>
    public string Party { get; } = party;
    /// <summary>The trusted root.</summary>
    public X509Certificate Root { get; } = root;

    /// <summary>How many distinct chains this party has validated.</summary>
    public int CacheSize => cache.Count;

    /// <summary>Validates <paramref name="chain"/> for a leaf of <paramref name="leafRole"/> (and <paramref name="brand"/> when given) at this party's clock; a typed error says what failed.</summary>
    public ValidatedCert Validate(CertChain chain, CertRole leafRole, string? brand, string what)
    {
        if (chain.Certs.Count == 0) throw new SetException(SetErrorCode.Malformed, $"{what} certificate chain empty at {Party}");
        var key = string.Join('/', chain.Certs.Select(Thumbprints.Of));
        if (!cache.TryGetValue(key, out var v))
        {
            v = shareProofs && Proven.TryGetValue(rootThumbprint + "|" + key, out var proven) ? proven : ValidateUncached(chain, what);
            if (shareProofs) Proven[rootThumbprint + "|" + key] = v;
            cache[key] = v;
        }
        var now = clock.UtcNow;
        if (now < v.ValidFrom || now > v.ValidTo)
            throw new SetException(SetErrorCode.Expired, $"{what} certificate chain not valid at {now:yyyy-MM-dd} at {Party}");
        if (v.Role != leafRole)
            throw new SetException(SetErrorCode.BadCertificate, $"{what} certificate has role {v.Role}, expected {leafRole} at {Party}");
        if (brand is not null && v.Brand != brand)
            throw new SetException(SetErrorCode.WrongBrand, $"{what} certificate brand {v.Brand ?? "none"} is not {brand} at {Party}");
        return v;
    }

    private ValidatedCert ValidateUncached(CertChain chain, string what)
    {
        var certs = chain.Certs;
        var from = Root.NotBefore;
        var to = Root.NotAfter;
        CertRole? expected = null;
        string? brand = null;
        for (var i = 0; i < certs.Count; i++)
        {
            var c = certs[i];
            var role = CertificateIssuer.RoleOf(c) ?? throw new SetException(SetErrorCode.BadCertificate, $"{what} certificate {i} has no role at {Party}");
            if (expected is { } e && role != e)
                throw new SetException(SetErrorCode.BadCertificate, $"{what} chain: certificate {i} is {role}, expected {e} at {Party}");
            var isTop = i == certs.Count - 1;
            var issuer = isTop ? Root : certs[i + 1];
            if (!c.IssuerDN.Equivalent(issuer.SubjectDN))
                throw isTop
                    ? new SetException(SetErrorCode.UnknownIssuer, $"{what} chain does not end at the trusted root at {Party}")
                    : new SetException(SetErrorCode.BadCertificate, $"{what} chain: issuer name mismatch at {i} at {Party}");
            // An issuer key that does not parse (a changed algorithm identifier: SecurityUtilityException) is a chain that
            // does not verify, like a wrong signature: a typed refusal, never an exception the party does not expect.
            try { c.Verify(issuer.GetPublicKey()); }
            catch (Exception ex) when (ex is Org.BouncyCastle.Security.Certificates.CertificateException or Org.BouncyCastle.Security.InvalidKeyException
                or Org.BouncyCastle.Security.SecurityUtilityException or System.IO.IOException or InvalidCastException or InvalidOperationException or ArgumentException)
            {
                throw isTop
                    ? new SetException(SetErrorCode.UnknownIssuer, $"{what} chain does not verify to the trusted root at {Party}")
                    : new SetException(SetErrorCode.BadSignature, $"{what} certificate {i} signature invalid at {Party}");
            }
            var isCa = c.GetBasicConstraints() >= 0;
            var usage = c.GetKeyUsage();
            if (i == 0)
            {
                if (isCa) throw new SetException(SetErrorCode.BadCertificate, $"{what} leaf certificate is a CA at {Party}");
                var needed = CertRoles.IsKeyExchange(role) ? 2 : 0; // KeyUsage bits: 0 digitalSignature, 2 keyEncipherment
                if (usage is null || !usage[needed])
                    throw new SetException(SetErrorCode.BadCertificate, $"{what} certificate key usage does not allow {(needed == 2 ? "key encipherment" : "signing")} at {Party}");
            }
            else if (!isCa || usage is null || !usage[5])
                throw new SetException(SetErrorCode.BadCertificate, $"{what} chain: certificate {i} is not a CA at {Party}");
            var b = CertificateIssuer.BrandOf(c);
            if (CertRoles.IsBranded(role) && b is null)
                throw new SetException(SetErrorCode.BadCertificate, $"{what} chain: certificate {i} carries no brand at {Party}");
            if (i == 0) brand = b;
            else if (b != brand)
                throw new SetException(SetErrorCode.WrongBrand, $"{what} chain mixes brands {brand} and {b} at {Party}");
            if (c.NotBefore > from) from = c.NotBefore;
            if (c.NotAfter < to) to = c.NotAfter;
            expected = CertRoles.IssuerOf(role);
        }
        if (expected != CertRole.Root)
            throw new SetException(SetErrorCode.BadCertificate, $"{what} chain incomplete (ends below {expected}) at {Party}");
        return new ValidatedCert(certs[0], CertificateIssuer.RoleOf(certs[0])!.Value, brand, from, to);
    }
}
