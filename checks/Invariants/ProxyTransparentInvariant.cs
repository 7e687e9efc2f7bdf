using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.World;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Invariants;

/// <summary>INV-PROXY-TRANSPARENT: through the MSW proxy the merchant receives the same PInitReq/PReq bytes and the client the same result as with a direct WUM-SSW session.</summary>
internal sealed class ProxyTransparentInvariant : Invariant
{
    /// <inheritdoc/>
    public override string Id => "INV-PROXY-TRANSPARENT";
    /// <inheritdoc/>
    public override string Title => "MSW-proxied payments send the merchant the same PInitReq/PReq bytes and give the client the same result as a direct WUM-SSW session";
    /// <inheritdoc/>
    public override int Order => 5;
    /// <inheritdoc/>
    public override IReadOnlyList<string> Required => ["compared"];

    /// <inheritdoc/>
    protected override bool AppliesTo(EmbodimentTraits t) => t.Proxies;

    /// <inheritdoc/>
    public override string? Eval(Case c, ICollection<string> cls)
    {
        if (c.Result is null) return null;
        var seed = c.Result.Built.World.Seed;
        var merchantSeen = false;
        foreach (var (w, s) in WakeUps(c))
        {
            var first = !merchantSeen;
            merchantSeen |= Sent(w, "PInitReq");
            if (w.Raw is not Paid p || p.Wallet == WalletNames.Msw || w.Wake.Defect is not WakeUpDefect.NoDefect) continue;
            if (!first) { cls.Add("paid by SSW, not first merchant contact (not comparable)"); continue; }
            cls.Add("compared");
            if (c.Result.Built.Sut is { } sut && sut.Played.Contains(Address.ServerWallet(p.Wallet)))
            {
                // A slave played by a system under test draws its nonces from its own randomness, so a direct session with
                // our slave says nothing of its bytes. What the proxy owes it is the same: each PInitReq/PReq the merchant
                // received is, byte for byte and in order, one the slave forwarded (a retried hop repeats a message: compared once).
                var slave = Address.ServerWallet(p.Wallet);
                foreach (var kind in new[] { "PInitReq", "PReq" })
                {
                    var via = w.Facts.Requests.Where(m => m.Kind == kind && m.To == Address.Merchant).Select(m => TraceLog.Digest(m.Body)).Distinct().ToList();
                    var own = w.Events.OfType<MessageEvent>().Where(m => m.From == slave && m.Kind == WalletProtocol.Forward && m.Fields.GetValueOrDefault(WalletProtocol.KindField) == kind)
                        .Select(m => m.Digest).Distinct().ToList();
                    if (!via.SequenceEqual(own)) return $"step #{w.StepIndex}: {kind} via MSW [{string.Join(",", via)}] differs from what {p.Wallet} forwarded [{string.Join(",", own)}]";
                }
                continue;
            }
            var direct = new PaymentWorld(seed);
            direct.Network.RecordRequests = true;
            direct.AddServerWallet(p.Wallet, [.. s.Held[p.Wallet].Select(b => b.Name)]);
            // The direct world's merchant is the purchase's: each merchant draws its XID and challenges from its own stream.
            direct.AddMerchant(w.Wake.Order.Merchant);
            var outcome = direct.NewWum(p.Wallet).PayAsync(direct.WakeUp(w.Wake.Order.LidM, w.Wake.Brand.Name, w.Wake.Amount, merchant: w.Wake.Order.Merchant)).GetAwaiter().GetResult();
            foreach (var kind in new[] { "PInitReq", "PReq" })
            {
                var via = w.Facts.Requests.Where(m => m.Kind == kind && m.To.IsMerchant).Select(m => TraceLog.Digest(m.Body)).ToList();
                var dir = direct.Network.Requests.Where(m => m.Kind == kind && m.To.IsMerchant).Select(m => TraceLog.Digest(m.Body)).ToList();
                if (!via.SequenceEqual(dir)) return $"step #{w.StepIndex}: {kind} via MSW [{string.Join(",", via)}] differs from direct [{string.Join(",", dir)}]";
            }
            if (!outcome.Encode().AsSpan().SequenceEqual(w.Raw.Encode())) return $"step #{w.StepIndex}: client result via MSW {w.Raw}, direct {outcome}";
        }
        return null;
    }
}
