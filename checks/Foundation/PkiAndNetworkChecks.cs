using System.Text;
using MultiWallet.Checks.Catalog;
using MultiWallet.Impl.Codec;
using MultiWallet.Impl.Crypto;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.World;

namespace MultiWallet.Checks.Foundation;

internal static class PkiAndNetworkChecks
{
    [Check("FOUNDATION-PKI-SHAPE", Title = "every brand's chains validate with the right role and brand OID; cardholder certificates carry no PAN; server identities validate",
        Requirements = ["INV-DUAL-SIG", "INV-CUSTODY"], Kind = CheckKind.Example)]
    public static CheckOutcome PkiShape(CheckContext ctx)
    {
        var world = new PaymentWorld(ctx.Seed);
        var v = world.Validator("check");
        foreach (var b in Brands.All)
        {
            var card = world.Pki.Cardholder("SW-1", b.Name);
            var got = v.Validate(card.Signing.Chain, CertRole.Cardholder, b.Name, "cardholder");
            if (got.Brand != b.Name || CertificateIssuer.BrandOf(card.Signing.Chain.Leaf) != b.Name) return CheckOutcome.Fail($"{b.Name}: brand not carried");
            if (card.Signing.Chain.Certs.Any(c => Encoding.ASCII.GetString(c.GetEncoded()).Contains(card.Account.Pan, StringComparison.Ordinal)))
                return CheckOutcome.Fail($"{b.Name}: a certificate carries the PAN");
            if (!card.Signing.Chain.Leaf.SubjectDN.ToString().Contains(b.RealName, StringComparison.Ordinal)) return CheckOutcome.Fail($"{b.Name}: subject does not name {b.RealName}");
            v.Validate(world.Pki.Merchant(b.Name).Signing.Chain, CertRole.MerchantSignature, b.Name, "merchant");
            v.Validate(world.Pki.Merchant(b.Name).KeyExchange.Chain, CertRole.MerchantKeyExchange, b.Name, "merchant ke");
            v.Validate(world.Pki.Gateway(b.Name).Signing.Chain, CertRole.GatewaySignature, b.Name, "gateway");
            v.Validate(world.Pki.Gateway(b.Name).KeyExchange.Chain, CertRole.GatewayKeyExchange, b.Name, "gateway ke");
            // A chain of one brand presented for another is refused.
            var other = Brands.All.First(x => x.Name != b.Name).Name;
            try { v.Validate(card.Signing.Chain, CertRole.Cardholder, other, "cardholder"); return CheckOutcome.Fail($"{b.Name} chain accepted as {other}"); }
            catch (SetException e) when (e.Error.Code == SetErrorCode.WrongBrand) { }
        }
        var sw = world.Pki.ServerWallet("MSW");
        v.Validate(sw.Signing.Chain, CertRole.ServerSignature, null, "server");
        v.Validate(sw.KeyExchange.Chain, CertRole.ServerKeyExchange, null, "server ke");
        try { v.Validate(sw.Signing.Chain, CertRole.Cardholder, null, "server"); return CheckOutcome.Fail("server identity accepted as a cardholder"); }
        catch (SetException e) when (e.Error.Code == SetErrorCode.BadCertificate) { }
        return CheckOutcome.Pass($"{Brands.All.Count} brands x 5 chains + server identity validated; {v.CacheSize} chains cached");
    }

    [Check("FOUNDATION-WALLET-UNREACHABLE", Title = "the conventional WUM's only SW down or silent → WalletUnreachable at once, nothing reaches the merchant",
        Requirements = ["INV-ROUTE-COMPLETE", "INV-ONCE"], Kind = CheckKind.Example)]
    public static CheckOutcome Unreachable(CheckContext ctx)
    {
        var world = new PaymentWorld(ctx.Seed, timeout: TimeSpan.FromMilliseconds(200));
        world.AddServerWallet("SW-1", "BrandA");
        world.SetWalletDown("SW-1");
        var down = world.NewWum("SW-1").PayAsync(world.WakeUp("ORD-1", "BrandA")).GetAwaiter().GetResult();
        if (down is not Refused { Reason: RefusalReason.WalletUnreachable, Wallet: "SW-1" }) return CheckOutcome.Fail($"down: {down}");
        world.SetWalletDown("SW-1", false);
        // Silent for every attempt the relay makes (it retries a timed-out session start: DECISIONS.md S3).
        world.Network.Drop(m => m.Kind == WalletProtocol.Start, times: RetriedRequest.Attempts);
        var silent = world.NewWum("SW-1", "WUM-2").PayAsync(world.WakeUp("ORD-2", "BrandA")).GetAwaiter().GetResult();
        if (silent is not Refused { Reason: RefusalReason.WalletUnreachable } s || !s.Cause.Contains("Timeout", StringComparison.Ordinal)) return CheckOutcome.Fail($"silent: {silent}");
        if (world.Trace.Events.OfType<MessageEvent>().Any(e => e.To == Address.Merchant)) return CheckOutcome.Fail("a message reached the merchant");
        // The wallet is fine again: a new order pays.
        var ok = world.NewWum("SW-1", "WUM-3").PayAsync(world.WakeUp("ORD-3", "BrandA")).GetAwaiter().GetResult();
        return ok is Paid ? CheckOutcome.Pass($"{down}; {silent}") : CheckOutcome.Fail($"recovery: {ok}");
    }
}
