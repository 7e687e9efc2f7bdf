namespace MultiWallet.Audit.Bundle;

/// <summary>The files of a bundle that the signed statement does not list: the envelope itself and the public key beside it.</summary>
public static class BundleFiles
{
    /// <summary>The DSSE envelope holding the signed in-toto statement.</summary>
    public const string Envelope = "bundle.dsse.json";

    /// <summary>The public half (PEM) of the key that signed the envelope.</summary>
    public const string PublicKey = "bundle.pub.pem";

    /// <summary>Every file under <paramref name="dir"/> as a relative path with '/' separators, ordinal order.</summary>
    public static IReadOnlyList<string> Under(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(dir, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Whether <paramref name="relative"/> is one of the statement's subjects (every file but the envelope and the key).</summary>
    public static bool IsSubject(string relative) => relative is not (Envelope or PublicKey);
}
