using MultiWallet.Impl.Protocol;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Invariants;

/// <summary>INV-BAD-INPUT: a malformed, unknown-brand or tampered wake-up: typed error naming the cause, no authorization, nothing sent for malformed input; later steps (class retried) are judged by INV-CONFORM against a model in which bad input changes nothing.</summary>
internal sealed class BadInputInvariant : Invariant
{
    /// <inheritdoc/>
    public override string Id => "INV-BAD-INPUT";
    /// <inheritdoc/>
    public override string Title => "generated malformed/unknown-brand/tampered wake-ups: typed error, no authorization, nothing sent; the honest retry conforms";
    /// <inheritdoc/>
    public override int Order => 10;
    /// <inheritdoc/>
    public override IReadOnlyList<string> Required => ["malformed", "unknown brand", "tampered", "retried"];

    /// <inheritdoc/>
    public override string? Eval(Case c, ICollection<string> cls)
    {
        if (c.Result is null) return null;
        var list = c.Result.WakeUps;
        for (var i = 0; i < list.Count; i++)
        {
            var w = list[i];
            if (w.Step is not Step.WakeUp wake) continue;
            var malformed = wake.Defect is WakeUpDefect.MissingField;
            var unknown = !wake.Brand.IsKnown && !malformed;
            var tampered = wake.Defect is WakeUpDefect.Tampered && Sent(w, "PReq");
            if (!malformed && !unknown && !tampered) continue;
            cls.Add(malformed ? "malformed" : unknown ? "unknown brand" : "tampered");
            if (w.Facts.AuthorizationsForOrder != 0) return $"step #{w.StepIndex}: defective wake-up authorized";
            var expect = malformed ? RefusalReason.MalformedWakeUp : unknown ? RefusalReason.UnknownBrand : RefusalReason.ProtocolError;
            if (w.Raw is not Refused r || r.Reason != expect || r.Cause.Length <= expect.ToString().Length + 2) return $"step #{w.StepIndex}: expected a typed {expect} naming the cause, got {w.Raw}";
            if ((malformed || unknown) && w.Facts.Requests.Count > 0) return $"step #{w.StepIndex}: {expect} but {w.Facts.Requests[0].Kind} was sent";
            // "No state change" for later steps is INV-CONFORM's to judge: the model's bad input changes nothing,
            // so a later step that conforms shows the defective one left no trace behind (class "retried").
            if (i + 1 < list.Count) cls.Add("retried");
        }
        return null;
    }
}
