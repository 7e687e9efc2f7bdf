using System.Globalization;
using System.Text.Json;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Audit.Evidence;

/// <summary>A case ledger read back (cases.jsonl, written by <see cref="CaseLedgerWriter"/>).</summary>
/// <param name="Seed">The seed the campaign ran with.</param>
/// <param name="Cases">Scenarios per embodiment.</param>
/// <param name="Http">Whether the scenarios ran over loopback HTTP.</param>
/// <param name="Entries">The recorded cases, in file order.</param>
public sealed record CaseLedger(int Seed, int Cases, bool Http, IReadOnlyList<CaseLedgerEntry> Entries)
{
    /// <summary>Reads and validates a ledger; a malformed one throws <see cref="InvalidDataException"/> naming the line.</summary>
    public static CaseLedger Read(string path)
    {
        using var reader = new StreamReader(path);
        var header = reader.ReadLine() ?? throw new InvalidDataException($"{path}: empty ledger");
        int seed, cases; bool http;
        try
        {
            using var h = JsonDocument.Parse(header);
            var r = h.RootElement;
            if (r.GetProperty("format").GetString() != CaseLedgerWriter.Format)
                throw new InvalidDataException($"{path}: line 1: not a {CaseLedgerWriter.Format} header");
            seed = r.GetProperty("seed").GetInt32();
            cases = r.GetProperty("cases").GetInt32();
            http = r.GetProperty("network").GetString() == "http";
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{path}: line 1: bad header ({e.Message})");
        }
        var entries = new List<CaseLedgerEntry>();
        var n = 1;
        while (reader.ReadLine() is { } line)
        {
            n++;
            if (line.Length == 0) continue;
            try
            {
                using var d = JsonDocument.Parse(line);
                var r = d.RootElement;
                var name = r.GetProperty("embodiment").GetString() ?? "";
                if (!Enum.TryParse<Embodiment>(name, out var e) || !Enum.IsDefined(e) || !name.StartsWith('E'))
                    throw new FormatException($"unknown embodiment {name}");
                var index = r.GetProperty("index").GetInt32();
                if (index < 0 || index >= cases) throw new FormatException($"index {index} outside 0..{cases - 1}");
                var digest = r.GetProperty("digest").GetString() ?? "";
                if (digest.Length == 0 || !digest.All(char.IsAsciiHexDigitLower)) throw new FormatException("digest is not lower-case hex");
                entries.Add(new CaseLedgerEntry(e, index, r.GetProperty("replay").GetString() ?? "", digest));
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new InvalidDataException($"{path}: line {n.ToString(CultureInfo.InvariantCulture)}: {e.Message}");
            }
        }
        return new CaseLedger(seed, cases, http, entries);
    }
}

/// <summary>One recorded case of a ledger.</summary>
/// <param name="Embodiment">Its embodiment.</param>
/// <param name="Index">Its index in the embodiment's generated sequence.</param>
/// <param name="Replay">FsCheck's (seed, gamma, size) of the embodiment's sequence.</param>
/// <param name="Digest">The recorded <see cref="MultiWallet.Checks.Invariants.CaseDigest"/>.</param>
public sealed record CaseLedgerEntry(Embodiment Embodiment, int Index, string Replay, string Digest)
{
    /// <summary>How a report names the case.</summary>
    public override string ToString() => $"{Embodiment} case #{Index} {Replay}";
}
