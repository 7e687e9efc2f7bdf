using System.Text.Json.Serialization;

namespace MultiWallet.Audit.Bundle;

/// <summary>One DSSE signature.</summary>
/// <param name="KeyId">The signing key's id: SHA-256 (hex) of its SubjectPublicKeyInfo.</param>
/// <param name="Sig">The signature, base64 (ECDSA: DER; RSA: PKCS#1 v1.5 over SHA-256).</param>
public sealed record DsseSignature(
    [property: JsonPropertyName("keyid")] string KeyId,
    [property: JsonPropertyName("sig")] string Sig);
