using MultiWallet.Impl.Codec;
using MultiWallet.Impl.Crypto;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Set;
using MultiWallet.Model.Vocabulary;
using Org.BouncyCastle.X509;

namespace MultiWallet.Checks.Recorded;

/// <summary>
/// INV-DUAL-SIG on a recorded trace. With bodies: every recorded PReq of an untampered wake-up carries a cardholder chain
/// valid under the case's SET root (at the header's clock) for exactly the wake-up's brand, and a dual signature over
/// H(PIData) ‖ H(OIData) that verifies against it — checked with the implementation's own code (<see cref="ChainValidator"/>,
/// <see cref="DualSignature.Verify"/>, the merchant's reading of PReq and OIData); OIData names the wake-up's order and brand.
/// With decisions, the rules of the generated DualSigInvariant: a paid order was verified by the merchant and authorized by
/// the gateway, and a tampered purchase is never authorized. The gateway's half (the PI) needs the gateway's key: not judged.
/// </summary>
public sealed class DualSigCheck : IRecordedCheck
{
    private readonly Dictionary<string, ChainValidator> validators = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public string Requirement => "INV-DUAL-SIG";

    /// <inheritdoc/>
    public IEnumerable<TraceFinding> Check(RecordedWakeUp w)
    {
        var tampered = w.Wake.Defect is WakeUpDefect.Tampered;
        foreach (var (m, line) in w.Messages)
        {
            if (m.Kind != PReq.Kind || line.Body is not { } body || tampered) continue;
            if (w.Header.SetRoot is not { } root) { Note(w, "PReq bodies recorded but no setRoot in the header: dual signatures not verified"); continue; }
            if (Verify(Validator(root, w.Header.Clock), body, w.Wake) is { } problem)
                yield return new(Requirement, $"PReq at line {line.Line}: {problem}", [w.SetupWitness, RecordedWakeUp.Witness(line)]);
        }
        if (!w.SeesDecisions) yield break;
        var lid = w.Wake.Order.LidM;
        var authorized = w.Decisions.Where(x => x.D.Actor == "gateway" && x.D.What == TraceDecisions.Authorized && x.D.Detail.GetValueOrDefault("lid-m", lid) == lid).ToList();
        if (tampered && authorized.Count > 0)
            yield return new(Requirement, $"tampered {((WakeUpDefect.Tampered)w.Wake.Defect).Where} was authorized", [w.SetupWitness, RecordedWakeUp.Witness(authorized[0].Line)]);
        if (w.Outcome is not { Outcome: Outcome.Paid }) yield break;
        if (!w.Decisions.Any(x => x.D.Actor == "merchant" && x.D.What == TraceDecisions.PReqVerified && x.D.Detail.GetValueOrDefault("lid-m", lid) == lid))
            yield return new(Requirement, "paid without the merchant verifying the PReq", [w.SetupWitness, w.EndWitness]);
        else if (authorized.Count == 0)
            yield return new(Requirement, "paid without the gateway's authorization", [w.SetupWitness, w.EndWitness]);
    }

    private static void Note(RecordedWakeUp w, string note) { if (!w.Notes.Contains(note)) w.Notes.Add(note); }

    private ChainValidator Validator(byte[] root, DateTime clock)
    {
        var key = Convert.ToBase64String(root) + "@" + clock.Ticks;
        if (!validators.TryGetValue(key, out var v))
        {
            if (validators.Count > 64) validators.Clear();
            validators[key] = v = new ChainValidator(new X509Certificate(root), new FixedClock(clock), "trace checker");
        }
        return v;
    }

    /// <summary>What is wrong with a PReq body for this wake-up, or null when its chain and dual signature verify.</summary>
    private static string? Verify(ChainValidator validator, byte[] body, Step.WakeUp wake)
    {
        try
        {
            var req = PReq.Decode(body);
            var oi = OIData.Decode(req.OIDataBytes);
            var pids = PIDualSigned.Decode(req.PIDualSignedBytes);
            var cardholder = validator.Validate(CertChain.Parse(req.CardholderChain, "cardholder", validator.Party), CertRole.Cardholder, wake.Brand.Name, "cardholder");
            if (!DualSignature.Verify(cardholder, req.HPIData, DualSignature.H(req.OIDataBytes), pids.DualSignature)) return "the dual signature does not verify against the cardholder certificate";
            if (oi.LidM != wake.Order.LidM) return $"OIData names order {oi.LidM}, the wake-up {wake.Order.LidM}";
            if (oi.Brand != wake.Brand.Name) return $"OIData names brand {oi.Brand}, the wake-up {wake.Brand}";
            return null;
        }
        catch (SetException e) { return e.Message; }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or Org.BouncyCastle.Security.Certificates.CertificateException or IOException)
        {
            return $"unreadable: {e.Message}";
        }
    }
}
