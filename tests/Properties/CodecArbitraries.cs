using FsCheck;
using FsCheck.Fluent;
using MultiWallet.Impl.Set;

namespace MultiWallet.Tests.Properties;

/// <summary>
/// Generators for the codec properties, composed from FsCheck's: text of any Unicode scalar value (lone surrogates
/// cannot be UTF-8 and are not text), non-empty byte strings, and wake-ups that satisfy the SET initiation's shape.
/// </summary>
public static class CodecArbitraries
{
    private static Gen<char> Scalar => Gen.Frequency(
        (6, Gen.Choose(0x20, 0x7e).Select(i => (char)i)),
        (2, Gen.Choose(0x00, 0x1f).Select(i => (char)i)),
        (2, Gen.Choose(0xa0, 0xd7ff).Select(i => (char)i)),
        (1, Gen.Choose(0xe000, 0xfffd).Select(i => (char)i)));

    /// <summary>Non-empty text of Unicode scalar values.</summary>
    public static Gen<string> Text => Gen.NonEmptyListOf(Scalar).Select(cs => new string([.. cs]));

    /// <summary>Non-empty byte strings.</summary>
    public static Gen<byte[]> Octets => Gen.NonEmptyListOf(Gen.Choose(0, 255).Select(i => (byte)i)).Select(bs => bs.ToArray());

    /// <summary>Wake-ups of valid shape: positive amount, three capital letters of currency.</summary>
    public static Arbitrary<WakeUp> WakeUp() =>
        (from merchant in Text
         from lid in Text
         from desc in Text
         from amount in Gen.Choose(1, int.MaxValue).Select(i => (long)i)
         from currency in Gen.ArrayOf(Gen.Choose('A', 'Z').Select(i => (char)i), 3).Select(cs => new string(cs))
         from brand in Text
         select new WakeUp(merchant, lid, desc, amount, currency, brand)).ToArbitrary();

    /// <summary>A canonical record of every field kind the codec writes.</summary>
    public static Arbitrary<CanonSample> CanonSample() =>
        (from s in Text
         from l in ArbMap.Default.GeneratorFor<long>()
         from b in Octets
         from list in Gen.ListOf(Text)
         from blist in Gen.ListOf(Octets)
         from inner in Text
         select new CanonSample(s, l, b, [.. list], [.. blist], inner)).ToArbitrary();

    /// <summary>A byte position and a non-zero XOR mask, for single-byte changes.</summary>
    public static Arbitrary<ByteChange> ByteChange() =>
        (from position in Gen.Choose(0, int.MaxValue)
         from mask in Gen.Choose(1, 255)
         select new ByteChange(position, (byte)mask)).ToArbitrary();
}
