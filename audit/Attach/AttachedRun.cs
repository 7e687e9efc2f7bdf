using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MultiWallet.Audit.Scenarios;
using MultiWallet.Checks.Bridge;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Network.Http;
using MultiWallet.Impl.Protocol;
using MultiWallet.Model.Prediction;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Audit.Attach;

/// <summary>
/// `check FILE --attach URL`: plays an auditor's scenario against a running `serve` instead of a world of
/// its own. The file must describe the served topology (compared first); its wake-ups and replays go to the
/// served PC over HTTP, its user answers to the served user. Each outcome is compared with the model's
/// prediction for the file; the served trace is shown (the abstract-trace comparison needs the trace
/// events themselves, so it stays with the in-process `check`). Order ids get a per-session prefix so
/// that a served world can be attached to more than once.
/// </summary>
public static class AttachedRun
{
    /// <summary>Why a file cannot be played against the served topology (exit 2).</summary>
    public sealed class NotAttachable(string message) : Exception(message);

    /// <summary>The served world's TLS root from a PEM file; an unreadable or non-certificate file is <see cref="NotAttachable"/>.</summary>
    public static X509Certificate2 LoadRoot(string pemFile)
    {
        try { return X509Certificate2.CreateFromPem(File.ReadAllText(pemFile)); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            throw new NotAttachable($"--tls-root: {pemFile} is not a readable PEM certificate ({e.Message})");
        }
    }

    /// <summary>Plays the scenario's wake-ups against the served console at <paramref name="console"/> over TLS trusting
    /// <paramref name="root"/> only, and compares each outcome with the model; each answer is awaited at most
    /// <paramref name="timeout"/> of wall-clock time (a Timeout is inconclusive for the caller).</summary>
    public static async Task<IReadOnlyList<WakeUpReport>> RunAsync(ScenarioDocument sc, Uri console, X509Certificate2 root, CancellationToken ct, TimeSpan timeout)
    {
        foreach (var step in sc.Steps)
            if (step is not (Step.WakeUp { Defect: WakeUpDefect.NoDefect } or Step.Replay))
                throw new NotAttachable($"--attach plays wake-ups and replays only; {step} changes the served world or injects a defect (run it without --attach)");
        // The auditor is a client of the console, not a party: it presents no certificate, so it is issued none.
        await using var net = new HttpNetwork(new TraceLog(), new HttpTls(root, _ => throw new InvalidOperationException("an auditor holds no TLS certificate")), timeout);
        net.MapRemote(ConsoleProtocol.Console, console);
        var me = new Address("auditor");
        var described = ConsoleProtocol.DescriptionReply.Decode((await net.SendAsync(new NetMessage(me, ConsoleProtocol.Console, ConsoleProtocol.Describe, []), ct).ConfigureAwait(false)).Body);
        var mine = ConsoleProtocol.Render(ImplBuilder.Config(sc.Topology), sc.User.Preselected);
        if (mine != described.Topology)
            throw new NotAttachable($"the file does not describe the served topology.\nserved:\n{described.Topology}\nfile:\n{mine}");

        var predictions = Predictor.Predict(sc.Topology, sc.User, sc.Steps);
        var answers = sc.User.Answers.Select(a => a.Given ?? "").ToList();
        var last = new Dictionary<OrderId, Step.WakeUp>();
        var reports = new List<WakeUpReport>();
        foreach (var p in predictions)
        {
            var wake = p.Step switch { Step.WakeUp w => w, Step.Replay r => last[r.Order], _ => throw new InvalidOperationException() };
            last[wake.Order] = wake;
            var request = new ConsoleProtocol.PayRequest($"A{described.Session}-{wake.Order.LidM}", wake.Brand.Name, wake.Amount, reports.Count == 0 ? answers : null);
            var reply = await net.SendAsync(new NetMessage(me, ConsoleProtocol.Console, ConsoleProtocol.Pay, request.Encode()), ct).ConfigureAwait(false);
            var paid = ConsoleProtocol.PayResult.Decode(reply.Body);
            var raw = PaymentOutcome.Decode(paid.Outcome);
            var outcome = TraceAbstraction.ToModel(raw);
            var agrees = outcome == p.Outcome;
            var (wallet, brand) = outcome switch { Outcome.Paid x => (x.Wallet, x.Brand.Name), Outcome.Refused x => (x.Wallet, wake.Brand.Name), _ => (null, null) };
            reports.Add(new WakeUpReport(p.StepIndex, p.Step.ToString(), outcome.ToString(), wallet, brand, WakeUpReport.RouteOf(p.Events), agrees,
                agrees ? null : $"outcome: model {p.Outcome}, served implementation {outcome}",
                p.Events.Select(e => e.ToString()).ToList(), null, paid.Trace, p.Outcome.ToString(), raw.ToString()));
        }
        return reports;
    }
}
