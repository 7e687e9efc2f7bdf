using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MultiWallet.Audit.Bundle;

/// <summary>Signs a finished bundle directory: an in-toto statement over its files, in a DSSE envelope, with the public key beside it.</summary>
public static class BundleSigner
{
    /// <summary>Writes <see cref="BundleFiles.Envelope"/> and <see cref="BundleFiles.PublicKey"/> into <paramref name="dir"/>; returns the envelope's path.</summary>
    public static string Sign(string dir, JsonObject predicate, SigningKey key)
    {
        var payload = Encoding.UTF8.GetBytes(InTotoStatement.Of(dir, predicate).ToJsonString(Evidence.JsonEvidenceWriter.Options));
        var sig = key.Sign(Dsse.Pae(Dsse.InTotoPayloadType, payload));
        var envelope = new DsseEnvelope(Convert.ToBase64String(payload), Dsse.InTotoPayloadType, [new DsseSignature(key.KeyId, Convert.ToBase64String(sig))]);
        var path = Path.Combine(dir, BundleFiles.Envelope);
        File.WriteAllText(path, JsonSerializer.Serialize(envelope, Evidence.JsonEvidenceWriter.Options));
        File.WriteAllText(Path.Combine(dir, BundleFiles.PublicKey), key.PublicPem + "\n");
        return path;
    }
}
