using System.Collections.Immutable;
using MultiWallet.Model.Machines;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Model.Client;

/// <summary>
/// E4: a WUM that ships its SW's brand information. Re-downloading a newer version replaces the brand
/// information (¶0068–0069, INV-LIVE); an older or equal version is ignored. Lives across wake-ups.
/// </summary>
public sealed class BrandCarryingWum : ModelMachine<BrandCarryingWum.S, BrandCarryingWum.T>
{
    public enum S { NotInstalled, Installed }
    public enum T { Install }

    private WumInstall? offered;

    public BrandCarryingWum(RunContext run, string wallet) : base("BrandCarryingWum", S.NotInstalled, run)
    {
        Wallet = wallet;
        Machine.Configure(S.NotInstalled)
            .Permit(T.Install, S.Installed);
        Machine.Configure(S.Installed)
            .OnEntry(() => Current = offered, "take the offered version")
            .PermitReentryIf(T.Install, () => offered!.Version > Current!.Version, "newer version")
            .IgnoreIf(T.Install, () => offered!.Version <= Current!.Version, "same or older version");
        Declared();
    }

    public string Wallet { get; }
    public WumInstall? Current { get; private set; }
    public ImmutableSortedSet<Brand>? Brands => Current?.Brands;

    public void Install(WumInstall version)
    {
        offered = version;
        Fire(T.Install);
    }
}
