using System.Text;
using System.Text.Json;

namespace MultiWallet.Audit.Bundle;

/// <summary>
/// Verifies a signed bundle: the DSSE signature over the in-toto statement first (nothing in an unsigned payload is
/// trusted), then every subject's SHA-256, then that no file was added.
/// </summary>
public static class BundleVerifier
{
    /// <summary>
    /// Verifies <paramref name="dir"/> with the PEM public key <paramref name="publicKeyPem"/>, or with the bundle's own
    /// <see cref="BundleFiles.PublicKey"/> when null (which proves integrity only: whoever rewrote the bundle could rewrite that key too).
    /// </summary>
    /// <exception cref="BundleUnusableException">The directory, its envelope or the key is missing or unreadable.</exception>
    /// <exception cref="BundleKeyException">The key file holds no public key.</exception>
    public static BundleVerification Verify(string dir, string? publicKeyPem = null)
    {
        if (!Directory.Exists(dir)) throw new BundleUnusableException($"{dir}: no such directory");
        var envelopePath = Path.Combine(dir, BundleFiles.Envelope);
        if (!File.Exists(envelopePath)) throw new BundleUnusableException($"{dir}: not a signed bundle (no {BundleFiles.Envelope})");
        var keyFromDir = publicKeyPem is null;
        if (keyFromDir)
        {
            var keyPath = Path.Combine(dir, BundleFiles.PublicKey);
            if (!File.Exists(keyPath)) throw new BundleUnusableException($"{dir}: no {BundleFiles.PublicKey}; give the signer's public key with --key");
            publicKeyPem = File.ReadAllText(keyPath);
        }
        using var key = PublicKey.FromPem(publicKeyPem!);

        List<BundleProblem> Fail(string file, string what) => [new(file, what)];
        DsseEnvelope? envelope;
        byte[] payload;
        try
        {
            envelope = JsonSerializer.Deserialize<DsseEnvelope>(File.ReadAllText(envelopePath));
            if (envelope?.Payload is null || envelope.Signatures is null) return new(Fail(BundleFiles.Envelope, "not a DSSE envelope"), 0, key.KeyId);
            payload = Convert.FromBase64String(envelope.Payload);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return new(Fail(BundleFiles.Envelope, "not a DSSE envelope: " + e.Message), 0, key.KeyId);
        }
        if (envelope.PayloadType != Dsse.InTotoPayloadType)
            return new(Fail(BundleFiles.Envelope, $"payloadType {envelope.PayloadType}, expected {Dsse.InTotoPayloadType}"), 0, key.KeyId);
        var pae = Dsse.Pae(envelope.PayloadType, payload);
        if (!envelope.Signatures.Any(s => SignatureVerifies(key, pae, s.Sig)))
            return new(Fail(BundleFiles.Envelope, keyFromDir
                ? $"the signature does not verify with {BundleFiles.PublicKey} (the envelope or the key changed)"
                : $"the signature does not verify with the given key {key.KeyId[..16]}…"), 0, key.KeyId);

        Dictionary<string, string> subjects;
        try
        {
            using var statement = JsonDocument.Parse(Encoding.UTF8.GetString(payload));
            var st = statement.RootElement;
            if (st.GetProperty("_type").GetString() != InTotoStatement.Type || st.GetProperty("predicateType").GetString() != InTotoStatement.TestResultPredicateType)
                return new(Fail(BundleFiles.Envelope, "the payload is not an in-toto v1 test-result statement"), 0, key.KeyId);
            subjects = st.GetProperty("subject").EnumerateArray().ToDictionary(
                s => s.GetProperty("name").GetString() ?? "",
                s => s.GetProperty("digest").GetProperty("sha256").GetString() ?? "");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            return new(Fail(BundleFiles.Envelope, "the signed payload is not a well-formed statement: " + e.Message), 0, key.KeyId);
        }

        var problems = new List<BundleProblem>();
        var root = Path.GetFullPath(dir);
        foreach (var (name, digest) in subjects.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var path = Path.GetFullPath(Path.Combine(root, name));
            if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)) problems.Add(new(name, "names a file outside the bundle"));
            else if (!File.Exists(path)) problems.Add(new(name, "missing"));
            else if (InTotoStatement.Sha256Of(path) is var actual && actual != digest) problems.Add(new(name, $"changed (sha256 {actual[..16]}…, signed {digest[..Math.Min(16, digest.Length)]}…)"));
        }
        foreach (var extra in BundleFiles.Under(dir).Where(f => BundleFiles.IsSubject(f) && !subjects.ContainsKey(f)))
            problems.Add(new(extra, "extra file, not in the signed statement"));
        return new(problems, subjects.Count, key.KeyId);
    }

    private static bool SignatureVerifies(PublicKey key, byte[] pae, string? sig)
    {
        try { return sig is not null && key.Verify(pae, Convert.FromBase64String(sig)); }
        catch (FormatException) { return false; }
    }
}
