using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.Server;

namespace MultiWallet.Audit.SutHost;

/// <summary>The seeded defect <see cref="SutDefect.AcceptAnyMac"/>: any request carrying a MAC field is taken for the login it names.</summary>
internal sealed class AnyMacAuthentication : IRequestAuthentication
{
    /// <inheritdoc/>
    public bool Authentic(byte[] key, string wallet, string login, NetMessage m) => m.Field(SessionAuth.MacField) is not null;
}
