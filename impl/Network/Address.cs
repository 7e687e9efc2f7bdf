namespace MultiWallet.Impl.Network;

/// <summary>
/// A network address such as <c>pc</c>, <c>merchant</c>, <c>gateway</c>, <c>sw://SW-1</c>.
/// A plain string wrapper so traces print it verbatim and an HTTP transport can map it to a URL later.
/// </summary>
public readonly record struct Address(string Value)
{
    public static readonly Address Pc = new("pc");
    public static readonly Address Merchant = new("merchant");
    public static readonly Address Gateway = new("gateway");

    /// <summary>The address of a server wallet named e.g. <c>SW-1</c>, <c>MSW</c>, <c>SSW-2</c>.</summary>
    public static Address ServerWallet(string name) => new("sw://" + name);

    /// <summary>The wallet name when this is a <c>sw://</c> address, else null.</summary>
    public string? WalletName => Value.StartsWith("sw://", StringComparison.Ordinal) ? Value[5..] : null;

    public override string ToString() => Value;
}
