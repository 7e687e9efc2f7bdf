using MultiWallet.Impl.Crypto;

namespace MultiWallet.Impl.Server.Master;

/// <summary>
/// Where the master wallet keeps a credential acquired from a slave (E8) while its one purchase runs.
/// Erasure is dropping the only reference after PRes or any failure: the plaintext key bytes were already
/// zeroed when the release was opened (<see cref="CertificateAcquisition"/>), and .NET cannot wipe the
/// BigInteger inside the key object, so "erased" means unreachable from the MSW, which
/// <see cref="Count"/> lets INV-CUSTODY check. The interface is the seam a seeded fault substitutes.
/// </summary>
public interface IAcquiredCredentials
{
    /// <summary>Holds the credential acquired for the session while it runs.</summary>
    void Hold(string session, CardholderCredential credential);

    /// <summary>Erases the credential held for the session; false when none was held.</summary>
    bool Erase(string session);

    /// <summary>Acquired credentials still held.</summary>
    int Count { get; }
}
