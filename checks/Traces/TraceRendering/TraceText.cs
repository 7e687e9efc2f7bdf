using MultiWallet.Checks.Traces.Scenarios;
using MultiWallet.Impl.World;

namespace MultiWallet.Checks.Traces.TraceRendering;

/// <summary>
/// The snapshot text of a scenario: a header (scenario, embodiment, seed, topology, each wake-up with its event
/// range and actual outcome) followed verbatim by the implementation's <c>TraceLog.Render()</c>. No scrubbing:
/// a fixed seed makes every byte (digests, XIDs) stable, so any change in a message shows in the diff.
/// </summary>
public static class TraceText
{
    public static string Render(TraceScenarioResult r)
    {
        var s = r.Scenario;
        var t = s.Topology;
        var lines = new List<string>
        {
            $"# scenario: {s.Name}",
            $"# embodiment: {s.Embodiment}",
            $"# seed: {TraceScenario.Seed}",
            $"# summary: {s.Summary}",
            $"# wallets: {string.Join("; ", t.Wallets.Select(Wallet))}",
        };
        if (t.Master is { } m) lines.Add($"# master: {Wallet(m)}");
        if (t.Knowledge is KnowledgeConfig.BrandTable { Entries: var bi }) lines.Add($"# brand information: {string.Join("; ", bi.Select(b => $"{b.Wallet}=[{string.Join(',', b.Brands)}]"))}");
        if (t.Knowledge is KnowledgeConfig.SswList { Names: var si }) lines.Add($"# SSW information: [{string.Join(',', si)}]");
        if (t.Knowledge is KnowledgeConfig.InstalledWums { Entries: var iw }) lines.Add($"# installed WUMs: {string.Join("; ", iw.Select(w => $"{w.Wallet} v{w.Version}=[{string.Join(',', w.Brands)}]"))}");
        lines.Add($"# user answers: [{string.Join(", ", s.Answers.Select(a => a ?? "(none)"))}]");
        foreach (var w in r.WakeUps)
        {
            if (w.Step.BeforeNote is { } note) lines.Add($"# before wake-up {w.Index}: {note}");
            lines.Add($"# wake-up {w.Index}: {w.Step.LidM} {w.Step.Brand} (events {w.FirstSeq:000}-{w.LastSeq:000}) -> {w.Outcome}");
        }
        lines.Add($"# gateway authorizations: {r.Authorizations}");
        lines.Add("");
        return string.Join('\n', lines) + "\n" + r.Trace.Render();
    }

    private static string Wallet(Impl.World.WalletConfig w) => $"{w.Name}=[{string.Join(',', w.Held)}]{(w.Down ? " (down)" : "")}";
}
