using System.Text.Json.Serialization;

namespace MultiWallet.Audit.Bundle;

/// <summary>A DSSE envelope as JSON: the base64 payload, its type and the signatures over its PAE.</summary>
/// <param name="Payload">The payload, base64.</param>
/// <param name="PayloadType">Its media type.</param>
/// <param name="Signatures">One signature per key.</param>
public sealed record DsseEnvelope(
    [property: JsonPropertyName("payload")] string Payload,
    [property: JsonPropertyName("payloadType")] string PayloadType,
    [property: JsonPropertyName("signatures")] IReadOnlyList<DsseSignature> Signatures);
