using System.Text.Json;
using System.Text.Json.Serialization;
using MultiWallet.Model.Machines;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Invariants;

/// <summary>
/// The machine-readable form of a slice of the shared campaign (a shard's cases): every tally a derived check reads,
/// with the case indices the slice ran and their digests, so slices of one (seed, budget, transport) can be merged into
/// the <see cref="CampaignResult"/> an unsharded run folds. A failure keeps its case index and violation; its scenario
/// is regenerated from the seed (the sequence is deterministic), so the check shrinks it exactly as in one process.
/// </summary>
public static class TallyJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The serialized form of <paramref name="result"/>, a campaign that ran the cases <paramref name="ran"/> picks.</summary>
    public static string Write(CampaignResult result, Func<Embodiment, int, bool> ran) =>
        JsonSerializer.Serialize(ToSlice(result, ran), Options);

    /// <summary>Parses a serialized slice.</summary>
    /// <exception cref="FormatException">The text is not a campaign slice.</exception>
    public static CampaignSlice Read(string json)
    {
        try
        {
            var slice = JsonSerializer.Deserialize<CampaignSlice>(json, Options) ?? throw new FormatException("empty campaign slice");
            if (slice.Embodiments is null) throw new FormatException("campaign slice without embodiments");
            return slice;
        }
        catch (JsonException ex) { throw new FormatException("not a campaign slice: " + ex.Message, ex); }
    }

    /// <summary>
    /// Merges slices of one campaign (same seed, budget and transport; disjoint cases) into the result an unsharded
    /// run folds: counts add up, classes add up, the lowest case index wins for first failures and perturbation examples.
    /// </summary>
    /// <exception cref="FormatException">The slices disagree on the campaign, overlap, or leave a case out.</exception>
    public static CampaignResult Merge(IReadOnlyList<CampaignSlice> slices)
    {
        if (slices.Count == 0) throw new FormatException("no campaign slice to merge");
        var (seed, per, transport) = (slices[0].Seed, slices[0].PerEmbodiment, slices[0].Transport);
        if (slices.Any(s => s.Seed != seed || s.PerEmbodiment != per || s.Transport != transport))
            throw new FormatException("the campaign slices are of different campaigns (seed, budget or transport differ)");
        var tallies = new List<EmbodimentTally>();
        foreach (var e in Campaign.All)
        {
            var target = new EmbodimentTally(e, per);
            var seen = new bool[per];
            foreach (var s in slices)
            {
                var es = s.Embodiments.SingleOrDefault(x => x.Embodiment == e.ToString())
                    ?? throw new FormatException($"a campaign slice has no tally for {e}");
                foreach (var i in es.Cases)
                {
                    if (i < 0 || i >= per) throw new FormatException($"{e}: case index {i} outside the budget {per}");
                    if (seen[i]) throw new FormatException($"{e}: case {i} is in two slices");
                    seen[i] = true;
                }
                target.Merge(ToTally(es, e, seed, per, target));
                target.Seconds += es.Seconds;
            }
            if (Array.IndexOf(seen, false) is var missing and >= 0) throw new FormatException($"{e}: no slice ran case {missing}");
            tallies.Add(target);
        }
        return new CampaignResult(seed, per, transport, tallies, slices.Max(s => s.Seconds), slices.Sum(s => s.CpuSeconds));
    }

    private static CampaignSlice ToSlice(CampaignResult r, Func<Embodiment, int, bool> ran) => new()
    {
        Seed = r.Seed,
        PerEmbodiment = r.PerEmbodiment,
        Transport = r.Transport,
        Seconds = r.Seconds,
        CpuSeconds = r.CpuSeconds,
        Embodiments = [.. r.Embodiments.Select(t =>
        {
            int[] cases = [.. Enumerable.Range(0, r.PerEmbodiment).Where(i => ran(t.Embodiment, i))];
            return new EmbodimentSlice
            {
                Embodiment = t.Embodiment.ToString(),
                Scenarios = t.Scenarios,
                Seconds = t.Seconds,
                Cases = cases,
                Digests = [.. cases.Select(t.Digest)],
                Properties = [.. t.PropertyIds.Select(id => t.Property(id)!).Zip(t.PropertyIds, (p, id) => new PropertySlice
                {
                    Invariant = id,
                    Cases = p.Cases,
                    Inconclusive = p.InconclusiveIndices,
                    Classes = new SortedDictionary<string, int>(p.Classes, StringComparer.Ordinal),
                    Failure = p.Failure is { } f ? new FailureSlice { Index = f.Index, Violation = f.Violation } : null,
                })],
                Perturbations = new PerturbationSlice
                {
                    Conforming = t.Perturbations.Conforming,
                    Catches = [.. t.Perturbations.Catches.Select(c => new CatchSlice { Name = c.Name, Caught = c.Caught, Index = c.Index, Example = c.Example })],
                },
                Coverage = new CoverageSlice
                {
                    Predictions = t.Coverage.Predictions,
                    Transitions = [.. t.Coverage.Counts.Select(c => new TransitionSlice
                    {
                        Machine = c.Transition.Machine, Source = c.Transition.Source, Trigger = c.Transition.Trigger,
                        Destination = c.Transition.Destination, Count = c.Count,
                    })],
                },
            };
        })],
    };

    /// <summary>A tally holding one slice's cases of <paramref name="e"/>, its digests written into <paramref name="digestsInto"/>.</summary>
    private static EmbodimentTally ToTally(EmbodimentSlice s, Embodiment e, int seed, int per, EmbodimentTally digestsInto)
    {
        if (s.Digests.Count != s.Cases.Count) throw new FormatException($"{e}: {s.Cases.Count} cases but {s.Digests.Count} digests");
        for (var k = 0; k < s.Cases.Count; k++)
        {
            byte[] d;
            try { d = Convert.FromHexString(s.Digests[k]); }
            catch (FormatException) { d = []; }
            if (d.Length != CaseDigest.Length) throw new FormatException($"{e}: case {s.Cases[k]} has a malformed digest");
            digestsInto.RestoreDigest(s.Cases[k], d);
        }
        var t = new EmbodimentTally(e, 0);
        t.RestoreScenarios(s.Scenarios);
        var expected = t.PropertyIds;
        if (!expected.SequenceEqual(s.Properties.Select(p => p.Invariant)))
            throw new FormatException($"{e}: the slice's invariants ({string.Join(", ", s.Properties.Select(p => p.Invariant))}) are not this catalog's ({string.Join(", ", expected)})");
        // Failures regenerate their scenario from the seed (the sequence up to it; nothing of the rest is generated or kept).
        foreach (var p in s.Properties)
        {
            var tally = t.Property(p.Invariant)!;
            foreach (var (cls, n) in p.Classes) tally.Classes[cls] = n;
            var failure = p.Failure is { } f
                ? f.Index >= 0 && f.Index < per ? new PropertyFailure(e, f.Index, f.Violation, Campaign.Stream(e, seed).ElementAt(f.Index)) : throw new FormatException($"{e}: failure at case {f.Index} outside the budget")
                : null;
            tally.Restore(p.Cases, p.Inconclusive, failure);
        }
        t.Perturbations.Restore(s.Perturbations.Conforming, s.Perturbations.Catches.Select(c => (c.Name, c.Caught, c.Index, c.Example)));
        t.Coverage.Restore(s.Coverage.Predictions, s.Coverage.Transitions.Select(c => (new TransitionKey(c.Machine, c.Source, c.Trigger, c.Destination), c.Count)));
        return t;
    }
}
