using Xunit;
using YamlDotNet.RepresentationModel;

namespace MultiWallet.Audit.Tests;

/// <summary>
/// docs/ci/github-actions.yml parses as YAML and does what the README says: runs the tests and verify, and keeps the
/// evidence directory as an artifact even when verify fails. (Its schema was checked with @action-validator/cli 0.6.0.)
/// </summary>
public sealed class CiWorkflowTests
{
    private static YamlMappingNode Workflow()
    {
        var dir = Path.GetDirectoryName(CheckCommandTests.ScenariosDir())!;
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(dir, "docs", "ci", "github-actions.yml"));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents.Single().RootNode;
    }

    private static IReadOnlyList<YamlMappingNode> Steps(YamlMappingNode wf, string job) =>
        ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)wf["jobs"])[job])["steps"]).Children.Cast<YamlMappingNode>().ToList();

    private static string? Get(YamlMappingNode step, string key) =>
        step.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlScalarNode s ? s.Value : null;

    [Fact]
    public void The_sample_workflow_tests_verifies_and_keeps_the_evidence()
    {
        var wf = Workflow();
        var steps = Steps(wf, "verify");
        Assert.Contains(steps, s => Get(s, "run")?.Contains("dotnet test", StringComparison.Ordinal) == true);
        var verify = steps.FindIndex(s => Get(s, "run")?.Contains("-- verify", StringComparison.Ordinal) == true);
        Assert.True(verify >= 0);
        var upload = steps.FindIndex(s => Get(s, "uses")?.StartsWith("actions/upload-artifact@", StringComparison.Ordinal) == true
            && ((YamlMappingNode)s["with"])["path"].ToString().StartsWith("evidence", StringComparison.Ordinal));
        Assert.True(upload > verify, "the evidence is uploaded after verify");
        Assert.Equal("always()", Get(steps[upload], "if"));
        Assert.Contains(Steps(wf, "tool"), s => Get(s, "run") == "docs/ci/check-tool.sh");
    }
}

/// <summary>List helpers the tests read steps with.</summary>
internal static class ListExtensions
{
    /// <summary>The index of the first item matching <paramref name="match"/>, or -1.</summary>
    public static int FindIndex<T>(this IReadOnlyList<T> list, Func<T, bool> match)
    {
        for (var i = 0; i < list.Count; i++) if (match(list[i])) return i;
        return -1;
    }
}
