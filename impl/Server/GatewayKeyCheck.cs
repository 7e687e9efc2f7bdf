using MultiWallet.Impl.Crypto;

namespace MultiWallet.Impl.Server;

/// <summary>The faithful check: the chain validates to the root and its leaf is a gateway key-exchange certificate of the order's brand.</summary>
public sealed class GatewayKeyCheck : IGatewayKeyCheck
{
    /// <summary>The one instance.</summary>
    public static readonly GatewayKeyCheck Faithful = new();

    /// <inheritdoc/>
    public ValidatedCert Check(ChainValidator validator, CertChain chain, string brand) => validator.Validate(chain, CertRole.GatewayKeyExchange, brand, "gateway key-exchange");
}
