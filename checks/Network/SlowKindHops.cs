using MultiWallet.Impl.Network;

namespace MultiWallet.Checks.Network;

/// <summary>
/// A wait table for transport checks: the short wait for the one message kind whose point is a Timeout, a patient
/// wait for every other request, so that machine load never turns an expected answer into a Timeout.
/// </summary>
/// <param name="SlowKind">The kind a silent handler never answers.</param>
/// <param name="Short">Its wait.</param>
/// <param name="Patient">Every other request's wait.</param>
internal sealed record SlowKindHops(string SlowKind, TimeSpan Short, TimeSpan Patient) : IHopTimeouts
{
    /// <inheritdoc/>
    public TimeSpan For(NetMessage request, TimeSpan baseTimeout) => request.Kind == SlowKind ? Short : Patient;
}
