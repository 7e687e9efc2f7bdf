namespace MultiWallet.Model.Vocabulary;

/// <summary>Wallet names; the index is the registration order, the only tie-breaker (DECISIONS.md).</summary>
public static class WalletNames
{
    public const string Msw = "MSW";
    public static string Sw(int i) => $"SW-{i}";
    public static string Ssw(int i) => $"SSW-{i}";
}
