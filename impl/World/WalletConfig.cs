namespace MultiWallet.Impl.World;

/// <summary>One server wallet of a topology: its name and the brands whose credentials it really holds.</summary>
public sealed record WalletConfig(string Name, IReadOnlyList<string> Held, bool Down = false);
