using MultiWallet.Impl.Codec;
using MultiWallet.Impl.Crypto;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.Server.Slave;
using MultiWallet.Impl.Set;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;

namespace MultiWallet.Impl.Server.Master;

/// <summary>
/// E8's certificate acquisition module inside the master wallet (¶0112–0119): asks a slave custodian for
/// the brand credential for ONE order, authenticating with the master's server identity, and opens the
/// release, which only the master's key-exchange key can decrypt. It checks that the release is bound to
/// the order it asked for and that the key matches the certificate before anything is used.
/// </summary>
public sealed class CertificateAcquisition(INetwork net, Address self, ServerWalletIdentity identity, ChainValidator validator, SecureRandom rng)
{
    private static readonly ECDomainParameters P256 = new(SecNamedCurves.GetByName("secp256r1"));

    /// <summary>The acquired credential, or a refusal (CredentialRefused, WalletUnreachable, UnknownAddress, ProtocolError).</summary>
    public async Task<(CardholderCredential? Credential, Refused? Refusal)> AcquireAsync(string ssw, WakeUp w, CancellationToken ct)
    {
        var nonce = rng.Bytes(16);
        var request = new CustodyRequest(identity.Name, w.Brand, w.MerchantId, w.LidM, w.Amount, w.Currency, nonce, identity.KeyExchange.Chain.Der);
        var body = SignedMessage.Sign(CustodyProtocol.RequestInner, request.Encode(), identity.Signing).Encode();
        NetMessage reply;
        try
        {
            reply = await RetriedRequest.SendAsync(net, new NetMessage(self, Address.ServerWallet(ssw), CustodyProtocol.Acquire, body,
                new Dictionary<string, string> { ["brand"] = w.Brand, ["lid-m"] = w.LidM, ["requester"] = identity.Name }), ct).ConfigureAwait(false);
        }
        catch (NetworkException e)
        {
            return (null, Refused.Because(RefusalReason.WalletUnreachable, ssw, $"{ssw} {e.Failure} at credential request"));
        }
        try
        {
            if (reply.Kind == CustodyProtocol.Refused)
            {
                var (reason, cause) = CustodyRefusedBody.Decode(reply.Body);
                return (null, Refused.Because(RefusalReason.CredentialRefused, ssw, $"{reason}: {cause}"));
            }
            if (reply.Kind != CustodyProtocol.Released) throw new SetException(SetErrorCode.Malformed, $"unexpected {reply.Kind} from {ssw}");
            var signed = SignedMessage.Decode(reply.Body, CustodyProtocol.ReleaseInner);
            var signer = signed.Verify(validator, CertRole.ServerSignature, null, "custodian");
            if (CredentialCustodian.ServerName(signer.Cert) != ssw) throw new SetException(SetErrorCode.BadCertificate, $"release signed by {CredentialCustodian.ServerName(signer.Cert)}, not {ssw}");
            var plain = Envelope.Open(signed.Content, identity.KeyExchange, identity.Name);
            try
            {
                return (Open(CredentialPackage.Decode(plain), w, nonce), null);
            }
            finally
            {
                Array.Clear(plain); // the plaintext key bytes do not outlive this call
            }
        }
        catch (SetException e)
        {
            return (null, Refused.Because(RefusalReason.ProtocolError, ssw, $"credential release from {ssw} rejected: {e.Error.Cause}"));
        }
    }

    private CardholderCredential Open(CredentialPackage p, WakeUp w, byte[] nonce)
    {
        if (p.Brand != w.Brand || p.MerchantId != w.MerchantId || p.LidM != w.LidM || !p.Nonce.AsSpan().SequenceEqual(nonce))
            throw new SetException(SetErrorCode.Mismatch, "release is not bound to the order asked for");
        var chain = CertChain.FromDer(p.Chain);
        validator.Validate(chain, CertRole.Cardholder, w.Brand, "acquired brand certificate");
        var key = new ECPrivateKeyParameters(new BigInteger(1, p.PrivateKey), P256);
        var pub = (ECPublicKeyParameters)chain.Leaf.GetPublicKey();
        if (!P256.G.Multiply(key.D).Normalize().Equals(pub.Q.Normalize()))
            throw new SetException(SetErrorCode.Mismatch, "released key does not match the released certificate");
        Array.Clear(p.PrivateKey);
        return new CardholderCredential(identity.Name, w.Brand, new SigningIdentity(key, chain),
            new CardAccount(p.Pan, p.PanSecret, p.CardSecret, new DateTime(p.ExpiryTicks, DateTimeKind.Utc)));
    }
}
