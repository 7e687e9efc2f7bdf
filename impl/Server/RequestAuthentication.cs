using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;

namespace MultiWallet.Impl.Server;

/// <summary>The faithful rule: the request's MAC verifies under the login's key (<see cref="SessionAuth.Verifies"/>).</summary>
public sealed class RequestAuthentication : IRequestAuthentication
{
    /// <summary>The one instance.</summary>
    public static readonly RequestAuthentication Faithful = new();

    /// <inheritdoc/>
    public bool Authentic(byte[] key, string wallet, string login, NetMessage m) => SessionAuth.Verifies(key, SessionAuth.Request, wallet, login, m);
}
