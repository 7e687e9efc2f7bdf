using MultiWallet.Impl.Codec;

namespace MultiWallet.Impl.Protocol;

/// <summary>The purchase completed: <paramref name="Wallet"/> paid with <paramref name="Brand"/>; XID in hex; gateway's auth code.</summary>
public sealed record Paid(string Wallet, string Brand, string Xid, string AuthCode) : PaymentOutcome
{
    /// <inheritdoc/>
    public override byte[] Encode() => new CanonWriter(Msg).Str("outcome", "Paid").Str("wallet", Wallet).Str("brand", Brand).Str("xid", Xid).Str("auth-code", AuthCode).ToBytes();

    /// <summary>Short form for traces: wallet, brand, XID prefix, auth code.</summary>
    public override string ToString() => $"Paid({Wallet}, {Brand}, xid={Xid[..8]}, auth={AuthCode})";
}
