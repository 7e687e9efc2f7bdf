namespace MultiWallet.Impl.World;

/// <summary>One server wallet of a topology: its name and the brands whose credentials it really holds.</summary>
public sealed record WalletConfig(string Name, IReadOnlyList<string> Held, bool Down = false);

/// <summary>
/// A concrete topology for one embodiment, in the implementation's own terms (the model has its own
/// vocabulary; checks/Bridge translates). Which knowledge field is read depends on the embodiment:
/// <list type="bullet">
/// <item>E1: <see cref="Preselected"/> is the user's set-up answer; E2/E9/E10/E12: the user answers at wake-up.</item>
/// <item>E3: <see cref="BrandInfo"/> is the selector's table; E4: <see cref="InstalledWums"/>; E5/E6: live queries.</item>
/// <item>E7/E8: <see cref="BrandInfo"/> is the MSW's; E11: the WUM's. E9: <see cref="SswInfo"/> is the MSW's; E12: the WUM's.</item>
/// </list>
/// </summary>
public sealed record TopologyConfig(
    string Embodiment,
    IReadOnlyList<WalletConfig> Wallets,
    WalletConfig? Master = null,
    IReadOnlyList<(string Wallet, IReadOnlyList<string> Brands)>? BrandInfo = null,
    IReadOnlyList<string>? SswInfo = null,
    IReadOnlyList<(string Wallet, int Version, IReadOnlyList<string> Brands)>? InstalledWums = null)
{
    public static readonly string[] ClientSide = ["E1", "E2", "E3", "E4", "E5", "E6"];

    public bool IsMasterSlave => !ClientSide.Contains(Embodiment);
}
