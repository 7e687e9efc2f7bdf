namespace MultiWallet.Impl.Network;

/// <summary>
/// A network address such as <c>pc</c>, <c>merchant</c>, <c>gateway</c>, <c>sw://SW-1</c>.
/// A plain string wrapper so traces print it verbatim; the HTTP transport maps it to a URL (<see cref="Http.HttpNetwork.AddressMap"/>).
/// </summary>
public readonly record struct Address(string Value)
{
    /// <summary>The user PC.</summary>
    public static readonly Address Pc = new("pc");
    /// <summary>The merchant POS.</summary>
    public static readonly Address Merchant = new("merchant");
    /// <summary>The payment gateway.</summary>
    public static readonly Address Gateway = new("gateway");

    /// <summary>The address of a server wallet named e.g. <c>SW-1</c>, <c>MSW</c>, <c>SSW-2</c>.</summary>
    public static Address ServerWallet(string name) => new("sw://" + name);

    /// <summary>The wallet name when this is a <c>sw://</c> address, else null.</summary>
    public string? WalletName => Value.StartsWith("sw://", StringComparison.Ordinal) ? Value[5..] : null;

    /// <summary>The address text.</summary>
    public override string ToString() => Value;
}
