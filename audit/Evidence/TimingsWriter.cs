using System.Text.Json;

namespace MultiWallet.Audit.Evidence;

/// <summary>
/// timings.json: every wall-clock figure of the run (when, how long the run, each phase and each check took, the attacker
/// campaign's cost), kept apart from evidence.json so that the same command gives byte-identical evidence.
/// </summary>
public static class TimingsWriter
{
    /// <summary>The file name.</summary>
    public const string File = "timings.json";

    /// <summary>Writes timings.json into <paramref name="dir"/> and returns its path.</summary>
    public static string Write(EvidenceBundle b, string dir)
    {
        var timings = new
        {
            generatedAt = b.GeneratedAt,
            durationSeconds = b.DurationSeconds,
            phases = b.Phases.Select(p => new { kind = p.Kind, seconds = p.DurationSeconds }),
            checks = b.Checks.Select(c => new { id = c.Id, seconds = c.DurationSeconds }),
            attackCost = b.Attacks?.Cost,
            exhaustiveSeconds = b.Exhaustive?.Seconds,
        };
        var path = Path.Combine(dir, File);
        System.IO.File.WriteAllText(path, JsonSerializer.Serialize(timings, JsonEvidenceWriter.Options));
        return path;
    }
}
