using System.Formats.Asn1;

namespace MultiWallet.Checks.Contract;

/// <summary>
/// The outer shape of an envelope as the contract states it (docs/protocol/openapi.yaml, "Envelopes"): one DER
/// ContentInfo of AuthEnvelopedData, version 0, one recipient, no originator, nothing after it. The plaintext is for its
/// recipient only; this checks what every party on the path can see.
/// </summary>
internal static class CmsShape
{
    /// <summary>id-ct-authEnvelopedData (RFC 5083).</summary>
    public const string AuthEnvelopedData = "1.2.840.113549.1.9.16.1.23";

    /// <summary>Null when <paramref name="der"/> has the shape, else why not.</summary>
    public static string? Defect(byte[] der)
    {
        try
        {
            var outer = new AsnReader(der, AsnEncodingRules.DER);
            var ci = outer.ReadSequence();
            if (outer.HasData) return "bytes after the ContentInfo";
            var oid = ci.ReadObjectIdentifier();
            if (oid != AuthEnvelopedData) return $"content type {oid}, not AuthEnvelopedData";
            var env = ci.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0, true)).ReadSequence();
            if (env.ReadInteger() != 0) return "AuthEnvelopedData version is not 0";
            var recipients = env.ReadSetOf();
            recipients.ReadSequence();
            if (recipients.HasData) return "more than one recipient";
            return null;
        }
        catch (AsnContentException e) { return "not DER CMS: " + e.Message; }
    }
}
