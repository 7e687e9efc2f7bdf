using System.Text.Json;
using MultiWallet.Checks.Invariants;
using SharedCampaign = MultiWallet.Checks.Invariants.Campaign;

namespace MultiWallet.Audit.Evidence;

/// <summary>
/// Writes cases.jsonl, the shared campaign's per-case ledger: a header line (seed, budget, network, FsCheck gamma and
/// size) and then one line per case, in embodiment order then case index: the embodiment, the case index, the replay
/// triple and the case's <see cref="CaseDigest"/>. `audit reverify` replays a sample of it and compares digests.
/// </summary>
public static class CaseLedgerWriter
{
    /// <summary>The ledger's file name in the evidence directory.</summary>
    public const string FileName = "cases.jsonl";

    /// <summary>The header's format tag: what the lines are and how their digests are taken.</summary>
    public const string Format = "multiwallet-case-ledger/1";

    /// <summary>Writes the ledger of <paramref name="campaign"/> into <paramref name="dir"/>; returns its path.</summary>
    public static string Write(CampaignResult campaign, string dir)
    {
        var path = Path.Combine(dir, FileName);
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream);
        Line(json, stream, w =>
        {
            w.WriteString("format", Format);
            w.WriteNumber("seed", campaign.Seed);
            w.WriteNumber("cases", campaign.PerEmbodiment);
            w.WriteString("network", campaign.Transport == MultiWallet.Impl.World.WorldTransport.Http ? "http" : "memory");
            w.WriteString("gamma", SharedCampaign.Gamma.ToString(System.Globalization.CultureInfo.InvariantCulture));
            w.WriteNumber("size", SharedCampaign.Size);
            w.WriteNumber("digestBytes", CaseDigest.Length);
        });
        foreach (var t in campaign.Embodiments)
        {
            var replay = SharedCampaign.Replay(campaign.Seed, t.Embodiment);
            for (var i = 0; i < t.Scenarios; i++)
                Line(json, stream, w =>
                {
                    w.WriteString("embodiment", t.Embodiment.ToString());
                    w.WriteNumber("index", i);
                    w.WriteString("replay", replay);
                    w.WriteString("digest", t.Digest(i));
                });
        }
        return path;
    }

    private static void Line(Utf8JsonWriter json, Stream stream, Action<Utf8JsonWriter> body)
    {
        json.WriteStartObject();
        body(json);
        json.WriteEndObject();
        json.Flush();
        stream.WriteByte((byte)'\n');
        json.Reset();
    }
}
