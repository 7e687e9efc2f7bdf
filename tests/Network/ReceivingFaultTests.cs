using MultiWallet.Impl.Network;
using Xunit;

namespace MultiWallet.Tests.Network;

/// <summary>
/// A fault applied where our party receives a request from another process (<see cref="FaultyNetwork.ReceiveAsync"/>)
/// gives the sender what the same fault on its sending side gives it (docs/DECISIONS.md, "A fault at our receiving end"):
/// a lost answer is no answer until the sender gives up, and one that does not give up within the bound is counted
/// (the case is then inconclusive). No assertion depends on how long anything took: a sender here has given up before
/// the request arrives, or never does (then the 60 ms bound of a 20 ms base expires).
/// </summary>
public sealed class ReceivingFaultTests
{
    private static readonly NetMessage PReq = new(Address.Pc, Address.Merchant, "PReq", [1, 2, 3]);

    // A sender that has given up already: what it gave up on is decided without any wait.
    private static readonly CancellationToken GaveUp = new(canceled: true);

    private sealed class Receiver
    {
        public List<NetMessage> Handled { get; } = [];
        public Task<NetMessage> Handle(NetMessage m)
        {
            lock (Handled) Handled.Add(m);
            return Task.FromResult(m.Reply("PRes", [(byte)Handled.Count]));
        }
    }

    private static FaultyNetwork Network(out TraceLog trace)
    {
        trace = new TraceLog();
        return new FaultyNetwork(new InMemoryNetwork(trace, TimeSpan.FromMilliseconds(20), DateTime.UnixEpoch), WallClock.Default);
    }

    [Fact]
    public async Task A_dropped_request_is_never_handled_and_unanswered_until_the_sender_gives_up()
    {
        var net = Network(out _).Drop(m => m.Kind == "PReq");
        var receiver = new Receiver();
        Assert.Null(await net.ReceiveAsync(PReq, receiver.Handle, GaveUp));
        Assert.Empty(receiver.Handled);
        Assert.Equal(0, net.HoldsExpired);
        // Used once: the sender's retry is handled.
        Assert.NotNull(await net.ReceiveAsync(PReq, receiver.Handle, CancellationToken.None));
        Assert.Single(receiver.Handled);
    }

    [Fact]
    public async Task A_delayed_request_is_handled_and_its_answer_lost()
    {
        var net = Network(out var trace).Delay(m => m.Kind == "PReq");
        var receiver = new Receiver();
        Assert.Null(await net.ReceiveAsync(PReq, receiver.Handle, GaveUp));
        Assert.Single(receiver.Handled);
        // Traced as a sender of ours traces a delayed send: the request, its (lost) answer, the fault.
        Assert.Equal(["PReq", "PRes"], trace.Since(0).OfType<MessageEvent>().Select(e => e.Kind));
        Assert.Contains(trace.Since(0).OfType<DecisionEvent>(), d => d.What == TraceDecisions.Delay);
    }

    [Fact]
    public async Task A_duplicated_request_is_handled_twice_and_the_second_answer_returned()
    {
        var net = Network(out var trace).Duplicate(m => m.Kind == "PReq");
        var receiver = new Receiver();
        var answer = await net.ReceiveAsync(PReq, receiver.Handle, CancellationToken.None);
        Assert.Equal(2, receiver.Handled.Count);
        Assert.Equal([2], answer!.Body);
        Assert.Equal(["PReq", "PRes", "PReq", "PRes"], trace.Since(0).OfType<MessageEvent>().Select(e => e.Kind));
    }

    [Fact]
    public async Task A_garbled_request_is_handled_as_rewritten()
    {
        var net = Network(out _).Garble(m => m.Kind == "PReq", m => m with { Body = [9] });
        var receiver = new Receiver();
        Assert.NotNull(await net.ReceiveAsync(PReq, receiver.Handle, CancellationToken.None));
        Assert.Equal([9], Assert.Single(receiver.Handled).Body);
    }

    [Fact]
    public async Task A_crash_of_the_receiver_loses_its_answer_and_of_another_party_does_not()
    {
        var receiver = new Receiver();
        var lost = Network(out _).Crash(m => m.Kind == "PReq", () => Address.Merchant);
        Assert.Null(await lost.ReceiveAsync(PReq, receiver.Handle, GaveUp));
        Assert.Equal(1, lost.Restarts(Address.Merchant));
        var other = Network(out _).Crash(m => m.Kind == "PReq", () => Address.Gateway);
        Assert.NotNull(await other.ReceiveAsync(PReq, receiver.Handle, CancellationToken.None));
        Assert.Equal(2, receiver.Handled.Count);
    }

    [Fact]
    public async Task A_sender_that_does_not_give_up_within_the_bound_is_counted_not_answered()
    {
        var net = Network(out _).Drop(m => m.Kind == "PReq");
        Assert.Equal(TimeSpan.FromMilliseconds(60), net.HoldBound(PReq));
        Assert.Null(await net.ReceiveAsync(PReq, new Receiver().Handle, CancellationToken.None));
        Assert.Equal(1, net.HoldsExpired);
    }
}
