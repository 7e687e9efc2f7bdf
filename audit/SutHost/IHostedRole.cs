using System.Text.Json.Nodes;
using MultiWallet.Impl.Network;

namespace MultiWallet.Audit.SutHost;

/// <summary>
/// One topology's parties of the role a `sut-host` plays, built from a <c>ProvisionTopology</c> body alone: what the
/// provisioning operations reach (docs/protocol/openapi.yaml, "Provisioning").
/// </summary>
public interface IHostedRole : IAsyncDisposable
{
    /// <summary>Each address played and the HTTPS base URL it listens at (the answer of <c>PUT /provision/topology</c>).</summary>
    IReadOnlyDictionary<string, Uri> Addresses { get; }

    /// <summary>What the role's parties saw, sent and decided.</summary>
    TraceLog Trace { get; }

    /// <summary>Replaces the routing knowledge; false when this role holds none here.</summary>
    bool ReplaceKnowledge(JsonObject knowledge);

    /// <summary>Makes party <paramref name="name"/> up, down or silent; false when it plays no party of that name.</summary>
    bool SetState(string name, string state);

    /// <summary>Wallet <paramref name="name"/> now holds exactly <paramref name="credentials"/>; false when it plays no wallet of that name whose brands change.</summary>
    bool ChangeBrands(string name, IReadOnlyList<MultiWallet.Impl.Crypto.CardholderCredential> credentials);
}
