namespace MultiWallet.Impl.Client.Selection;

/// <summary>
/// E4 (Fig. 5, claim C5, ¶0058–0069): a WUM that ships with its SW's brand information. Re-downloading a
/// newer version is how brand information is updated, so an install replaces the whole record.
/// </summary>
public sealed record BrandCarryingWum(string Wallet, int Version, IReadOnlySet<string> Brands);
