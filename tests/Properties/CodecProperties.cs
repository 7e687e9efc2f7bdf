using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MultiWallet.Impl.Codec;
using MultiWallet.Impl.Set;

namespace MultiWallet.Tests.Properties;

/// <summary>
/// Laws of the canonical codec every SET message goes through (INV-BAD-INPUT: one encoding, strict parsing).
/// The seeds are fixed so the suite gives the same answer on every machine; change the Replay pair to explore
/// others, and replay a failure with the pair FsCheck prints.
/// </summary>
[Properties(Arbitrary = [typeof(CodecArbitraries)], MaxTest = 300, Replay = "(20000203,1979)")]
public sealed class CodecProperties
{
    /// <summary>Decoding the canonical bytes gives back the value, and re-encoding gives back the bytes.</summary>
    [Property]
    public bool Canonical_bytes_round_trip(CanonSample sample)
    {
        var bytes = sample.Encode();
        var back = CanonSample.Decode(bytes);
        return back.SameAs(sample) && back.Encode().AsSpan().SequenceEqual(bytes);
    }

    /// <summary>
    /// Strictness: a single changed byte either is refused as Malformed or decodes to a value whose canonical
    /// encoding is exactly the changed bytes. So no two byte strings decode to the same value, and nothing but a
    /// typed Malformed error escapes the decoder.
    /// </summary>
    [Property]
    public Property A_changed_byte_is_refused_or_is_exactly_another_value(CanonSample sample, ByteChange change)
    {
        var changed = change.ApplyTo(sample.Encode());
        bool refused;
        bool exact = true;
        try
        {
            exact = CanonSample.Decode(changed).Encode().AsSpan().SequenceEqual(changed);
            refused = false;
        }
        catch (SetException e) when (e.Error.Code == SetErrorCode.Malformed)
        {
            refused = true;
        }
        return exact.Classify(refused, "refused as Malformed").Classify(!refused, "decoded to another value");
    }

    /// <summary>A wake-up of valid shape survives encoding and decoding unchanged.</summary>
    [Property]
    public bool A_wake_up_round_trips(WakeUp wakeUp) => WakeUp.Decode(wakeUp.Encode()) == wakeUp;

    /// <summary>A wake-up with a non-positive amount is refused as Malformed, naming the field.</summary>
    [Property]
    public Property A_wake_up_without_a_positive_amount_is_refused(WakeUp wakeUp, NonNegativeInt minus)
    {
        var bad = (wakeUp with { Amount = -minus.Get }).Encode();
        try
        {
            WakeUp.Decode(bad);
            return false.ToProperty();
        }
        catch (SetException e)
        {
            return (e.Error.Code == SetErrorCode.Malformed && e.Error.Cause.Contains("amount", StringComparison.Ordinal)).ToProperty();
        }
    }
}
