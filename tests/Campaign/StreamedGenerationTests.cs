using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using MultiWallet.Checks.Attacks;
using MultiWallet.Checks.Generators;
using Xunit;
using CampaignGen = MultiWallet.Checks.Invariants.Campaign;

namespace MultiWallet.Tests.Campaign;

/// <summary>
/// The lazy scenario streams are the replay contract's sequences exactly: for every embodiment, the first N cases of
/// <see cref="CampaignGen.Stream"/> and <see cref="AttackCampaign.Stream"/> equal, field by field, what FsCheck's
/// materializing <c>Gen.Sample</c> gives for the same (generator, Rnd, size), merchants placed from their own stream
/// (DECISIONS.md, "Streamed generation"). Seeds, case indices and every recorded figure depend on this sequence.
/// </summary>
public sealed class StreamedGenerationTests
{
    private const int Count = 300;
    private const int Seed = 20260523;

    [Fact]
    public void The_lazy_sample_equals_FsChecks_Sample_value_for_value()
    {
        var gen = Gen.Choose(0, int.MaxValue - 1);
        var rnd = new Rnd(12345UL, CampaignGen.Gamma);
        Assert.Equal(Gen.Sample(gen, 1000, rnd, CampaignGen.Size), SampleStream.Of(gen, rnd, CampaignGen.Size).Take(1000));
    }

    [Fact]
    public void Every_embodiments_stream_is_the_materialized_campaign_sequence()
    {
        foreach (var e in CampaignGen.All)
        {
            var stream = (ulong)Seed + (ulong)e;
            var drafts = Gen.Sample(ScenarioGen.Draft(e), Count, new Rnd(stream, CampaignGen.Gamma), CampaignGen.Size);
            var plans = Gen.Sample(ScenarioGen.Merchants, Count, new Rnd(stream + CampaignGen.MerchantOffset, CampaignGen.Gamma), CampaignGen.Size);
            SameSequence($"{e} case", drafts.Zip(plans, ScenarioGen.Place).Select(Dump), CampaignGen.Stream(e, Seed).Select(Dump));
        }
    }

    [Fact]
    public void Every_embodiments_attacked_stream_is_the_materialized_attack_sequence()
    {
        foreach (var e in CampaignGen.All)
        {
            var stream = (ulong)Seed + (ulong)e + AttackCampaign.Offset;
            var drafts = Gen.Sample(AttackGen.Draft(e), Count, new Rnd(stream, CampaignGen.Gamma), CampaignGen.Size);
            var plans = Gen.Sample(ScenarioGen.Merchants, Count, new Rnd(stream + CampaignGen.MerchantOffset, CampaignGen.Gamma), CampaignGen.Size);
            SameSequence($"{e} attacked case", drafts.Zip(plans, AttackGen.Place).Select(Dump), AttackCampaign.Stream(e, Seed).Select(Dump));
        }
    }

    /// <summary>The first <see cref="Count"/> dumps of the lazy stream are the materialized list's, one by one.</summary>
    private static void SameSequence(string what, IEnumerable<string> materializedDumps, IEnumerable<string> lazyDumps)
    {
        var materialized = materializedDumps.ToList();
        var lazy = lazyDumps.Take(Count).ToList();
        Discriminating(materialized);
        Assert.Equal(Count, lazy.Count);
        for (var i = 0; i < Count; i++) Assert.True(materialized[i] == lazy[i], $"{what} {i} differs:\n{materialized[i]}\n---\n{lazy[i]}");
    }

    /// <summary>The comparison can tell cases apart: most neighbouring cases of a sequence differ in their dump.</summary>
    private static void Discriminating(IReadOnlyList<string> dumps) =>
        Assert.True(dumps.Zip(dumps.Skip(1)).Count(p => p.First != p.Second) > dumps.Count / 2, "the dump does not tell generated cases apart");

    /// <summary>Every public property, list element and dictionary entry of a generated value, recursively, as text.</summary>
    private static string Dump(object? value)
    {
        var sb = new StringBuilder();
        Write(sb, value, 0);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, object? v, int depth)
    {
        if (depth > 12) { sb.Append('…'); return; }
        switch (v)
        {
            case null: sb.Append("null"); return;
            case string s: sb.Append('"').Append(s).Append('"'); return;
            case IFormattable f when v.GetType().IsPrimitive || v is Enum or decimal: sb.Append(f.ToString(null, CultureInfo.InvariantCulture)); return;
            case bool b: sb.Append(b); return;
            case IDictionary d:
                sb.Append('{');
                foreach (DictionaryEntry kv in d) { Write(sb, kv.Key, depth + 1); sb.Append(':'); Write(sb, kv.Value, depth + 1); sb.Append(','); }
                sb.Append('}');
                return;
            case IEnumerable items:
                sb.Append('[');
                foreach (var x in items) { Write(sb, x, depth + 1); sb.Append(','); }
                sb.Append(']');
                return;
        }
        var t = v.GetType();
        sb.Append(t.Name).Append('(');
        foreach (var p in t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract").OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            sb.Append(p.Name).Append('=');
            Write(sb, p.GetValue(v), depth + 1);
            sb.Append(';');
        }
        sb.Append(')');
    }
}
