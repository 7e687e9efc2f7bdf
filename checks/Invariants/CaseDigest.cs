using System.Security.Cryptography;
using System.Text;
using MultiWallet.Checks.Bridge;

namespace MultiWallet.Checks.Invariants;

/// <summary>
/// A short fingerprint of what one executed case did: per wake-up the implementation's outcome, its abstract
/// trace and its rendered implementation trace; what each heal resolved; and how the run ended (hang, inconclusive,
/// crash). Deterministic for a seed, so replaying the case reproduces it (`audit reverify`).
/// </summary>
public static class CaseDigest
{
    /// <summary>Bytes of the digest kept (the first of SHA-256): enough to tell runs apart, small enough to keep one per case.</summary>
    public const int Length = 16;

    /// <summary>The digest of a case, as lower-case hex.</summary>
    public static string Of(Case c)
    {
        Span<byte> d = stackalloc byte[Length];
        Write(c, d);
        return Convert.ToHexStringLower(d);
    }

    /// <summary>Writes the digest of a case into <paramref name="destination"/> (<see cref="Length"/> bytes).</summary>
    public static void Write(Case c, Span<byte> destination)
    {
        Span<byte> full = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(c)), full);
        full[..Length].CopyTo(destination);
    }

    /// <summary>The text the digest is taken over, one fact per line.</summary>
    public static string Canonical(Case c)
    {
        var sb = new StringBuilder();
        if (c.Crash is not null) return sb.Append("crash ").Append(c.Crash).ToString();
        var r = c.Result!;
        foreach (var w in r.WakeUps)
        {
            sb.Append('#').Append(w.StepIndex).Append(' ').Append(w.ImplOutcome).Append('\n');
            foreach (var a in w.Abstracted) sb.Append("  a ").Append(a).Append('\n');
            foreach (var t in w.ImplTrace) sb.Append("  t ").Append(t).Append('\n');
        }
        foreach (var h in r.Heals)
        {
            sb.Append("heal #").Append(h.StepIndex).Append(" swept=").Append(h.Swept).Append('\n');
            foreach (var (lid, outcome) in h.Resolved.OrderBy(k => k.Key, StringComparer.Ordinal))
                sb.Append("  ").Append(lid).Append(' ').Append(TraceAbstraction.ToModel(outcome)).Append('\n');
        }
        if (r.Hang is { } hang) sb.Append("hang ").Append(hang).Append('\n');
        if (r.Inconclusive is { } why) sb.Append("inconclusive ").Append(why).Append('\n');
        return sb.ToString();
    }
}
