using System.Text.Json;
using MultiWallet.Audit.Scenarios;
using Xunit;

namespace MultiWallet.Audit.Tests;

/// <summary>
/// The `attack:` block: a file states the attacker's position and steps, `check` plays them as one case of the attacker
/// campaign judged by the attack properties and the file's expectations, a seeded attack fault's world breaks the same file,
/// and every attack the format cannot state is refused with exit 2 naming the line and field.
/// </summary>
public sealed class AttackScenarioTests : IDisposable
{
    private readonly TempFolder temp = new("mw-attack");

    public void Dispose() => temp.Dispose();

    private static string Example => File.ReadAllText(Path.Combine(CheckCommandTests.ScenariosDir(), "E1-replayed-authreq.yaml"));

    [Fact]
    public void The_attacked_example_passes_with_the_attack_fired_and_every_attack_property_judged()
    {
        var r = AuditTester.Run("check", Path.Combine(CheckCommandTests.ScenariosDir(), "E1-replayed-authreq.yaml"), "--json");
        Assert.True(r.ExitCode == 0, r.Output);
        using var doc = JsonDocument.Parse(r.Output);
        var attack = doc.RootElement.GetProperty("attack");
        Assert.Equal("N-GATEWAY", attack.GetProperty("position").GetString());
        Assert.Equal(1, attack.GetProperty("tried").GetProperty("Replay").GetInt32());
        Assert.Equal(1, attack.GetProperty("authorizations").GetProperty("ORD-1").GetInt32());
        var ids = doc.RootElement.GetProperty("invariants").EnumerateArray().Select(v => v.GetProperty("id").GetString()).ToList();
        Assert.Contains("INV-AGREEMENT", ids);
        Assert.Contains("INV-SECRECY", ids);
    }

    /// <summary>
    /// The same file in the world of the gateway that never finds an XID: the replayed AuthReq is authorized again, so the
    /// file's hand-written `authorizations: 1` fails and INV-AGREEMENT is violated; the file is not at fault (it passes above).
    /// </summary>
    [Fact]
    public void The_example_in_an_attack_faults_world_fails_its_expectation_and_the_attack_property()
    {
        var path = temp.Write("faulty.yaml", Example.Replace("embodiment: E1\n", "embodiment: E1\nfault: FAULT-E1-GATEWAY-REAUTHORIZES-REPLAY\n"));
        var r = AuditTester.Run("check", path);
        Assert.True(r.ExitCode == 1, r.Output);
        Assert.Contains("step 0 authorizations: expected 1, model (not stated), implementation 2", r.Output);
        Assert.Contains("invariant violated: INV-AGREEMENT", r.Output);
        var replay = AuditTester.Run("verify", "--replay", path);
        Assert.True(replay.ExitCode == 1, replay.Output);
    }

    private const string Head = "embodiment: E1\nwallets:\n  - {name: SW-1, held: [BrandA]}\nuser: {preselected: SW-1}\nsteps:\n  - wakeUp: {order: ORD-1, brand: BrandA}\n";

    public static TheoryData<string, string> Refused() => new()
    {
        { Head + "attack: {position: N-MOON, steps: [{kind: Replay, at: AuthReq}]}\n", ":7: attack.position: unknown position 'N-MOON'" },
        { Head + "attack: {position: MSW, steps: [{kind: Replay, at: PReq}]}\n", ":7: attack.position: 'MSW' does not exist in E1" },
        { Head + "attack: {position: N-GATEWAY, steps: [{kind: ForgedWakeUp, at: AuthReq}]}\n", ":7: attack.steps[0].kind: N-GATEWAY does not play ForgedWakeUp" },
        { Head + "attack: {position: N-GATEWAY, steps: [{kind: Replay, at: PReq}]}\n", ":7: attack.steps[0].at: Replay at N-GATEWAY in E1 aims at AuthReq, AuthInqReq, AuthRevReq, not 'PReq'" },
        { Head + "attack: {position: N-GATEWAY, steps: [{kind: Hammer, at: AuthReq}]}\n", ":7: attack.steps[0].kind: unknown attack step 'Hammer'" },
        { Head + "attack: {position: N-GATEWAY, steps: [{kind: FlipBit, at: AuthReq, param: 1000}]}\n", ":7: attack.steps[0].param: at most 999" },
        { Head + "attack: {position: N-GATEWAY, steps: []}\n", ":7: attack.steps: at least one attack step" },
        { Head + "attack: {position: N-GATEWAY, steps: [{kind: Replay, at: AuthReq, when: now}]}\n", ":7: attack.steps[0].when: unknown key 'when'" },
        { Head + "  - fault: {kind: Drop, at: PReq}\n  - wakeUp: {order: ORD-2, brand: BrandA}\nattack: {position: N-GATEWAY, steps: [{kind: Replay, at: AuthReq}]}\n",
            ":7: steps[1].fault: not in a file with `attack:`" },
        { Head + "  - wakeUp: {order: ORD-2, brand: BrandA, defect: tamperedPI}\nattack: {position: N-GATEWAY, steps: [{kind: Replay, at: AuthReq}]}\n",
            ":7: steps[1].wakeUp.defect: not in a file with `attack:`" },
        { Head + "  - wakeUp: {order: ORD-2, brand: BrandA, expect: {routedTo: [SW-1]}}\nattack: {position: N-GATEWAY, steps: [{kind: Replay, at: AuthReq}]}\n",
            ":7: steps[1].wakeUp.expect.routedTo: not observed in an attacked run" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void An_attack_the_format_cannot_state_exits_2_naming_line_and_field(string text, string cause)
    {
        var path = temp.Write("bad.yaml", text);
        var r = AuditTester.Run("check", path);
        Assert.True(r.ExitCode == 2, r.Output);
        Assert.Contains(path + cause, r.Output.ReplaceLineEndings(""));
        Assert.Throws<ScenarioException>(() => ScenarioFile.Load(path));
    }
}
