using MultiWallet.Audit.Evidence;

namespace MultiWallet.Audit.Bundle;

/// <summary>
/// Writes the whole evidence bundle (evidence.json, report.html, junit.xml, attestation.cdx.json, sbom.cdx.json,
/// timings.json, checks.log), signs it, and renames it into place atomically (<see cref="AtomicBundleDirectory"/>).
/// </summary>
public static class BundleWriter
{
    /// <summary>
    /// Writes <paramref name="bundle"/> to <paramref name="dir"/>; <paramref name="extra"/> writes more artifact files into the
    /// temporary folder before signing (so the statement names them). Returns the bundle's file names.
    /// </summary>
    public static IReadOnlyList<string> Write(EvidenceBundle bundle, string dir, string log, SigningKey key, Action<string>? extra = null)
    {
        AtomicBundleDirectory.Write(dir, temp =>
        {
            JsonEvidenceWriter.Write(bundle, temp);
            HtmlReportWriter.Write(bundle, temp);
            JUnitWriter.Write(bundle, temp);
            CycloneDxWriter.Write(bundle, temp);
            SbomWriter.Write(bundle.Reproducibility, bundle.ToolVersion, temp);
            TimingsWriter.Write(bundle, temp);
            File.WriteAllText(Path.Combine(temp, "checks.log"), log);
            extra?.Invoke(temp);
            BundleSigner.Sign(temp, TestResultPredicate.Of(bundle), key);
        });
        return BundleFiles.Under(dir);
    }
}
