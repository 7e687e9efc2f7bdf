using MultiWallet.Audit.Attach;
using MultiWallet.Audit.Commands;
using MultiWallet.Impl.Client.User;
using MultiWallet.Impl.Network.Http;
using MultiWallet.Impl.World;
using Xunit;

namespace MultiWallet.Audit.Tests;

/// <summary>
/// `check FILE --attach URL` against a served topology (what `serve` builds): the file `serve` writes plays
/// through the served world over HTTP and agrees with the model; a file describing another topology, or one
/// that would change the served world, is refused as bad usage.
/// </summary>
public sealed class AttachTests : IAsyncLifetime
{
    private readonly string dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "mw-attach-" + Guid.NewGuid().ToString("N"))).FullName;
    private PaymentWorld world = null!;
    private string console = "";

    private string Root => Path.Combine(dir, "served-tls-root.pem");

    /// <summary>Serves E12 over loopback HTTP and writes the scenario file `serve` would write.</summary>
    public Task InitializeAsync()
    {
        var example = ServeCommand.Examples["E12"];
        world = new PaymentWorld(20000203, TimeSpan.FromSeconds(10), WorldTransport.Http);
        var user = new ScriptedUser(example.Answers);
        var e = EmbodimentWorld.Build(world, example.Topology, user);
        _ = new ServedConsole(world, e, user, null);
        console = ((HttpNetwork)world.Wire).AddressMap[ConsoleProtocol.Console].ToString();
        File.WriteAllText(Root, world.Keys.Tls.RootPem);
        File.WriteAllText(Path.Combine(dir, "served.yaml"), ServedScenario.Yaml("served E12", example.Topology, example.Answers, example.WakeUps));
        return Task.CompletedTask;
    }

    /// <summary>Stops the served world and removes the file.</summary>
    public async Task DisposeAsync()
    {
        await world.DisposeAsync();
        Directory.Delete(dir, true);
    }

    [Fact]
    public void The_served_scenario_plays_against_the_served_world_and_agrees_with_the_model()
    {
        Assert.Equal(0, AuditTester.Run("check", Path.Combine(dir, "served.yaml"), "--attach", console, "--tls-root", Root).ExitCode);
        // Attached twice: order ids are prefixed per session, so the second session is not a replay of the first.
        Assert.Equal(0, AuditTester.Run("check", Path.Combine(dir, "served.yaml"), "--attach", console, "--tls-root", Root, "--json").ExitCode);
        Assert.Equal(2, world.Gateway.TotalAuthorizations);
    }

    [Fact]
    public void A_file_of_another_topology_is_refused() =>
        Assert.Equal(2, AuditTester.Run("check", Path.Combine(CheckCommandTests.ScenariosDir(), "E9.yaml"), "--attach", console, "--tls-root", Root).ExitCode);

    [Fact]
    public void A_file_that_would_change_the_served_world_is_refused()
    {
        var text = File.ReadAllText(Path.Combine(dir, "served.yaml")) + "- setDown: {wallet: SSW-1}\n";
        File.WriteAllText(Path.Combine(dir, "changes.yaml"), text);
        Assert.Equal(2, AuditTester.Run("check", Path.Combine(dir, "changes.yaml"), "--attach", console, "--tls-root", Root).ExitCode);
    }

    [Fact]
    public void Attach_needs_an_https_url_and_the_served_root()
    {
        Assert.Equal(2, AuditTester.Run("check", Path.Combine(dir, "served.yaml"), "--attach", "ftp://nowhere", "--tls-root", Root).ExitCode);
        Assert.Equal(2, AuditTester.Run("check", Path.Combine(dir, "served.yaml"), "--attach", console).ExitCode);
        Assert.Equal(2, AuditTester.Run("check", Path.Combine(dir, "served.yaml"), "--attach", console, "--tls-root", Path.Combine(dir, "served.yaml")).ExitCode);
    }

    [Fact]
    public void A_console_served_under_another_root_is_refused_before_anything_is_played()
    {
        var foreign = Path.Combine(dir, "foreign-root.pem");
        File.WriteAllText(foreign, WorldKeys.Seeded(1).Tls.RootPem);
        var run = AuditTester.Run("check", Path.Combine(dir, "served.yaml"), "--attach", console, "--tls-root", foreign);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("TLS", run.Output, StringComparison.Ordinal);
        Assert.Equal(0, world.Gateway.TotalAuthorizations);
    }
}
