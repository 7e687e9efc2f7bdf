namespace MultiWallet.Tests.Architecture;

/// <summary>
/// The layering of impl/ and model/ (README, "Design"). impl: Codec ← Crypto ← Set ← Protocol ← Routing ←
/// {Client | Server | Parties} ← World, with Network standing alone below everything that talks. model:
/// Vocabulary ← Machines ← Set ← {Client | Server} ← Prediction ← Graphs.
/// </summary>
public static class HouseLayers
{
    /// <summary>The implementation's layers, bottom up.</summary>
    public static readonly IReadOnlyList<Layer> Impl =
    [
        new("Network", 0, "MultiWallet.Impl.Network"),
        new("Codec", 0, "MultiWallet.Impl.Codec"),
        new("Crypto", 1, "MultiWallet.Impl.Crypto"),
        new("Set", 2, "MultiWallet.Impl.Set"),
        new("Protocol", 3, "MultiWallet.Impl.Protocol"),
        new("Routing", 4, "MultiWallet.Impl.Routing"),
        new("Client", 5, "MultiWallet.Impl.Client"),
        new("Server", 5, "MultiWallet.Impl.Server"),
        new("Parties", 5, "MultiWallet.Impl.Parties"),
        new("World", 6, "MultiWallet.Impl.World"),
    ];

    /// <summary>The model's layers, bottom up.</summary>
    public static readonly IReadOnlyList<Layer> Model =
    [
        new("Vocabulary", 0, "MultiWallet.Model.Vocabulary"),
        new("Machines", 1, "MultiWallet.Model.Machines"),
        new("Set", 2, "MultiWallet.Model.Set"),
        new("Client", 3, "MultiWallet.Model.Client"),
        new("Server", 3, "MultiWallet.Model.Server"),
        new("Prediction", 4, "MultiWallet.Model.Prediction"),
        new("Graphs", 5, "MultiWallet.Model.Graphs"),
    ];

    /// <summary>The namespaces a layer must not depend on: every layer of its rank or above but itself.</summary>
    public static string[] Forbidden(IReadOnlyList<Layer> layers, Layer layer) =>
        [.. layers.Where(l => l != layer && l.Rank >= layer.Rank).Select(l => l.Namespace)];
}
