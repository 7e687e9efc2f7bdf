using System.Reflection;
using FsCheck;
using Microsoft.FSharp.Core;

namespace MultiWallet.Checks.Generators;

/// <summary>
/// FsCheck's <c>Gen.Sample(gen, count, rnd, size)</c> as a lazy, unbounded sequence: the i-th element is exactly the
/// i-th element of any sample of more than i values from the same (generator, rnd, size). FsCheck 3.6.0's
/// <c>Gen.sampleWithSeed</c> (src/FsCheck/FSharp.Gen.fs) runs the generator function on <c>(size, rnd)</c>, keeps the
/// value and runs it again on the Rnd it returned, once per value asked for, into an array; this sequence runs the
/// same function the same way, one value per step, so a campaign of any budget holds one scenario at a time instead of
/// all of them. FsCheck keeps that function in the generator's private union case and offers no public way to step it,
/// so it is read by reflection once per generator; the test that compares this sequence with <c>Gen.Sample</c> for every
/// embodiment pins the equivalence to the FsCheck version in use (DECISIONS.md, "Streamed generation").
/// </summary>
public static class SampleStream
{
    /// <summary>The values FsCheck's <c>Gen.Sample(gen, n, rnd, size)</c> gives, for every n at once, produced lazily.</summary>
    public static IEnumerable<T> Of<T>(Gen<T> gen, Rnd rnd, int size)
    {
        var step = Step(gen);
        var current = rnd;
        while (true)
        {
            var (value, next) = FSharpFunc<int, Rnd>.InvokeFast(step, size, current);
            current = next;
            yield return value;
        }
    }

    /// <summary>The generator's function from (size, rnd) to (value, the rnd after it): the one field of FsCheck's union case.</summary>
    private static FSharpFunc<int, FSharpFunc<Rnd, ValueTuple<T, Rnd>>> Step<T>(Gen<T> gen)
    {
        var field = typeof(Gen<T>).GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
            .SingleOrDefault(f => f.FieldType == typeof(FSharpFunc<int, FSharpFunc<Rnd, ValueTuple<T, Rnd>>>))
            ?? throw new InvalidOperationException($"FsCheck's Gen<{typeof(T).Name}> no longer holds a (size -> rnd -> value * rnd) function: SampleStream must follow the FsCheck version in use");
        return (FSharpFunc<int, FSharpFunc<Rnd, ValueTuple<T, Rnd>>>)field.GetValue(gen)!;
    }
}
