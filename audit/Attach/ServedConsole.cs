using MultiWallet.Impl.Client.User;
using MultiWallet.Impl.Codec;
using MultiWallet.Impl.Crypto;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.World;

namespace MultiWallet.Audit.Attach;

/// <summary>
/// The console of a running `serve`: lets `check --attach` drive purchases through the served topology.
/// One purchase at a time, so each reply carries exactly that purchase's trace; answers a check sends are
/// appended to the served user's script, consumed in order as in any run.
/// </summary>
public sealed class ServedConsole
{
    private readonly PaymentWorld world;
    private readonly EmbodimentWorld embodiment;
    private readonly ScriptedUser user;
    private readonly string topology;
    private readonly Dictionary<string, byte[]> sent = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim one = new(1, 1);
    private long sessions;

    /// <summary>Installs the console party in <paramref name="world"/>, playing wake-ups through <paramref name="embodiment"/>.</summary>
    public ServedConsole(PaymentWorld world, EmbodimentWorld embodiment, ScriptedUser user, string? preselected)
    {
        this.world = world; this.embodiment = embodiment; this.user = user;
        topology = ConsoleProtocol.Render(embodiment.Topology, preselected);
        world.Network.Listen(ConsoleProtocol.Console, HandleAsync);
    }

    private async Task<NetMessage> HandleAsync(NetMessage m, CancellationToken ct)
    {
        if (m.Kind == ConsoleProtocol.Describe)
            return m.Reply(ConsoleProtocol.Description, new ConsoleProtocol.DescriptionReply(topology, Interlocked.Increment(ref sessions)).Encode());
        // Anything but a well-formed Pay for a known brand and a positive amount is refused before the merchant
        // offers an order or the console remembers a wake-up (the HTTP host answers it 400, without details).
        if (m.Kind != ConsoleProtocol.Pay) throw new SetException(SetErrorCode.Malformed, "not a console request");
        var req = ConsoleProtocol.PayRequest.Decode(m.Body);
        if (!Brands.IsKnown(req.Brand) || req.Amount <= 0 || req.LidM.Length > 64)
            throw new SetException(SetErrorCode.Malformed, "not a payable console request");
        await one.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (req.Answers is not null) user.Restart(req.Answers.Select(a => a.Length == 0 ? null : a));
            if (!sent.TryGetValue(req.LidM, out var bytes)) sent[req.LidM] = bytes = world.WakeUp(req.LidM, req.Brand, req.Amount);
            var mark = world.Trace.Count;
            var outcome = await embodiment.PayAsync(bytes, ct).ConfigureAwait(false);
            var trace = world.Trace.Since(mark).Select(e => e.Render()).ToList();
            return m.Reply(ConsoleProtocol.Paid, new ConsoleProtocol.PayResult(outcome.Encode(), trace).Encode());
        }
        finally { one.Release(); }
    }
}
