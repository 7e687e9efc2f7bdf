using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using MultiWallet.Checks.Catalog;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Network.Http;

namespace MultiWallet.Checks.Network;

/// <summary>
/// TLS of the HTTP transport, tried by breaking it: a server whose certificate comes from another root, or names
/// another party, is refused by the sender before any byte of the message leaves; on a mutual link a client that brings
/// no certificate, one naming another party, or one from another root is refused before any handler runs. Each case
/// has its control (the right certificate is served), so no refusal passes because nothing worked at all.
/// Every verdict is a refusal or an answer, never a duration: each wait is bounded generously, and only a wait that
/// expires (the machine, not the system) would make a case inconclusive.
/// </summary>
internal static class HttpTlsChecks
{
    private static readonly TimeSpan Patient = TimeSpan.FromSeconds(30);
    private static readonly Address Wallet = new("sw://SW-1");
    private static readonly Address Other = new("sw://SW-2");

    private static NetMessage Ping(Address from, Address to) => new(from, to, "Test.Ping", [1, 2, 3]);

    private static string Send(INetwork net, NetMessage m)
    {
        try
        {
            net.SendAsync(m).GetAwaiter().GetResult();
            return "answered";
        }
        catch (NetworkException e) { return $"{e.Failure}: {e.Detail}"; }
    }

    [Check("HTTP-TLS-SERVER-AUTH", Title = "a sender refuses a server certificate from another root, or naming another party, before its message is delivered; the right server is answered",
        Requirements = ["INV-SESSION-AUTH", "INV-BAD-INPUT"], Kind = CheckKind.Example, Exclusive = true)]
    public static CheckOutcome ServerAuthentication(CheckContext ctx)
    {
        var sender = new HttpNetwork(new TraceLog(), LoopbackTls.Trust, Patient);
        var foreign = new HttpNetwork(new TraceLog(), LoopbackTls.Foreign, Patient);
        var world = new HttpNetwork(new TraceLog(), LoopbackTls.Trust, Patient);
        try
        {
            var calls = 0;
            Func<NetMessage, CancellationToken, Task<NetMessage>> count = (m, _) => { Interlocked.Increment(ref calls); return Task.FromResult(m.Reply("Test.Pong", [])); };
            foreign.Listen(Wallet, count);
            world.Listen(Other, count);
            world.Listen(Wallet, count);
            var verdict = new WallClockVerdict(ctx);
            void Expect(string name, Uri at, bool answered)
            {
                sender.MapRemote(Wallet, at);
                var before = calls;
                var got = Send(sender, Ping(Address.Pc, Wallet));
                ctx.Log($"{name}: {got}");
                if (!answered && calls != before) verdict.Fail($"{name}: the impostor's handler ran");
                if (got.StartsWith(nameof(NetworkFailure.Timeout), StringComparison.Ordinal)) verdict.Environment($"{name}: no answer within {Patient.TotalSeconds} s");
                else if (answered && got != "answered") verdict.Fail($"{name}: expected an answer, got {got}");
                else if (!answered && !got.StartsWith(nameof(NetworkFailure.Garbled), StringComparison.Ordinal)) verdict.Fail($"{name}: expected Garbled (certificate refused), got {got}");
            }
            Expect("server certificate from another root", foreign.AddressMap[Wallet], answered: false);
            Expect("server certificate naming another party", world.AddressMap[Other], answered: false);
            Expect("the addressed party's own certificate (control)", world.AddressMap[Wallet], answered: true);
            return verdict.Outcome(3, "another root's and another party's server certificates refused before delivery; the right one answered");
        }
        finally
        {
            sender.DisposeAsync().AsTask().GetAwaiter().GetResult();
            foreign.DisposeAsync().AsTask().GetAwaiter().GetResult();
            world.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private sealed record ClientCase(string Name, Address From, Address To, X509Certificate2? Certificate, bool Admitted);

    [Check("HTTP-TLS-MUTUAL-CLIENT-AUTH", Title = "on a server-to-server link a client without a certificate, with one naming another party, or with one from another root is refused before any handler runs; the right certificate is served",
        Requirements = ["INV-SESSION-AUTH", "INV-BAD-INPUT"], Kind = CheckKind.Example, Exclusive = true)]
    public static CheckOutcome MutualClientAuthentication(CheckContext ctx)
    {
        var master = new Address("sw://MSW");
        var slave = new Address("sw://SSW-1");
        var trust = LoopbackTls.Trust;
        var cases = new ClientCase[]
        {
            new("merchant→gateway without a certificate", Address.Merchant, Address.Gateway, null, false),
            new("merchant→gateway with the slave's certificate", Address.Merchant, Address.Gateway, trust.CertificateOf(slave), false),
            new("merchant→gateway with a certificate of another root naming the merchant", Address.Merchant, Address.Gateway, LoopbackTls.Foreign.CertificateOf(Address.Merchant), false),
            new("PC→gateway without a certificate (the gateway serves merchants only)", Address.Pc, Address.Gateway, null, false),
            new("MSW→SSW without a certificate", master, slave, null, false),
            new("MSW→SSW with the merchant's certificate", master, slave, trust.CertificateOf(Address.Merchant), false),
            new("PC→SSW with the master's certificate (a certificate must name its sender on every link)", Address.Pc, slave, trust.CertificateOf(master), false),
            new("merchant→gateway with its own certificate (control)", Address.Merchant, Address.Gateway, trust.CertificateOf(Address.Merchant), true),
            new("MSW→SSW with its own certificate (control)", master, slave, trust.CertificateOf(master), true),
            new("PC→SSW without a certificate (not a mutual link: control)", Address.Pc, slave, null, true),
        };
        var host = new HttpNetwork(new TraceLog(), trust, Patient);
        try
        {
            var calls = 0;
            foreach (var at in new[] { Address.Gateway, slave })
                host.Listen(at, (m, _) => { Interlocked.Increment(ref calls); return Task.FromResult(m.Reply("Test.Pong", [])); });
            var verdict = new WallClockVerdict(ctx);
            foreach (var c in cases)
            {
                var url = host.AddressMap[c.To];
                var before = calls;
                int status;
                try
                {
                    var head = RawClient.Head(url, HttpWire.Encode(c.From.Value), HttpWire.Encode(c.To.Value), "Test.Ping", "", 1);
                    status = RawClient.Exchange(url, head, [[1]], c.Certificate).Status;
                }
                catch (Exception e) when (e is AuthenticationException or IOException) { status = 0; }
                var ran = calls - before;
                ctx.Log($"{c.Name}: {(status == 0 ? "handshake refused" : "HTTP " + status)}, handler ran {ran} time(s)");
                if (!c.Admitted && (status is >= 200 and < 300 || ran != 0)) verdict.Fail($"{c.Name}: admitted ({status}, handler ran {ran})");
                else if (status == RawClient.NoAnswer) verdict.Environment($"{c.Name}: no answer within {RawClient.Bound.TotalSeconds} s");
                else if (c.Admitted && (status != 200 || ran != 1)) verdict.Fail($"{c.Name}: expected to be served, got {status} (handler ran {ran})");
                else if (!c.Admitted && status != 0 && status != 403) verdict.Fail($"{c.Name}: refused with {status}, expected 403 or a refused handshake");
            }
            return verdict.Outcome(cases.Length, $"{cases.Count(c => !c.Admitted)} impostor clients refused before any handler ran; {cases.Count(c => c.Admitted)} controls served");
        }
        finally { host.DisposeAsync().AsTask().GetAwaiter().GetResult(); }
    }
}
