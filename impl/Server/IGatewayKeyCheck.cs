using MultiWallet.Impl.Crypto;

namespace MultiWallet.Impl.Server;

/// <summary>
/// The wallet's check of the gateway key-exchange certificate a PInitRes names, the certificate the PI (card number
/// included) is sealed to. <see cref="GatewayKeyCheck"/> is the faithful one; the interface is the seam a seeded attack
/// fault substitutes.
/// </summary>
public interface IGatewayKeyCheck
{
    /// <summary>The validated certificate of <paramref name="chain"/>, for an order of <paramref name="brand"/>; throws a typed error when it is not one to seal to.</summary>
    ValidatedCert Check(ChainValidator validator, CertChain chain, string brand);
}
