namespace MultiWallet.Impl.Network;

/// <summary>
/// A network address such as <c>pc</c>, <c>merchant</c>, <c>gateway</c>, <c>sw://SW-1</c>.
/// A plain string wrapper so traces print it verbatim; the HTTP transport maps it to a URL (<see cref="Http.HttpNetwork.AddressMap"/>).
/// </summary>
public readonly record struct Address(string Value)
{
    /// <summary>The user PC.</summary>
    public static readonly Address Pc = new("pc");
    /// <summary>The merchant POS of the world's first merchant (<see cref="Crypto.CryptoWorld.DefaultMerchantId"/>).</summary>
    public static readonly Address Merchant = new("merchant");

    /// <summary>
    /// Where the merchant <paramref name="merchantId"/> listens: the first merchant at plain <c>merchant</c> (so a world of
    /// one merchant looks as it always did), every other one at <c>merchant/ID</c>. The PC learns the merchant id from the
    /// wake-up; whether the merchant that answers there is that merchant is the wallet's check of the signing certificate.
    /// </summary>
    public static Address MerchantOf(string merchantId) =>
        merchantId == Crypto.CryptoWorld.DefaultMerchantId ? Merchant : new(MerchantPrefix + merchantId);

    private const string MerchantPrefix = "merchant/";

    /// <summary>True for a merchant POS's address (<see cref="Merchant"/> or one of <see cref="MerchantOf"/>).</summary>
    public bool IsMerchant => this == Merchant || Value.StartsWith(MerchantPrefix, StringComparison.Ordinal);
    /// <summary>The payment gateway.</summary>
    public static readonly Address Gateway = new("gateway");

    /// <summary>The address of a server wallet named e.g. <c>SW-1</c>, <c>MSW</c>, <c>SSW-2</c>.</summary>
    public static Address ServerWallet(string name) => new("sw://" + name);

    /// <summary>The wallet name when this is a <c>sw://</c> address, else null.</summary>
    public string? WalletName => Value.StartsWith("sw://", StringComparison.Ordinal) ? Value[5..] : null;

    /// <summary>The address text.</summary>
    public override string ToString() => Value;
}
