using Xunit;
using YamlDotNet.RepresentationModel;

namespace MultiWallet.Audit.Tests;

/// <summary>
/// docs/ci/sharded-verify.yml and docs/ci/k8s-sharded-verify.yaml do what README.md ("Sharding") says: one shard per
/// matrix entry or Job index, every K of N exactly once, and a merge that verifies and publishes the signed bundle.
/// (Their schemas are checked by docs/ci/check-ci-files.sh: @action-validator/cli 0.6.0 and kubernetes-models 5.1.0.)
/// </summary>
public sealed class ShardDeploymentTests
{
    private static IReadOnlyList<YamlMappingNode> Load(string file)
    {
        var dir = Path.GetDirectoryName(CheckCommandTests.ScenariosDir())!;
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(dir, "docs", "ci", file));
        yaml.Load(reader);
        return [.. yaml.Documents.Select(d => (YamlMappingNode)d.RootNode)];
    }

    private static YamlNode At(YamlNode node, params string[] path) =>
        path.Aggregate(node, (n, key) => ((YamlMappingNode)n).Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : throw new KeyNotFoundException(key));

    private static string Scalar(YamlNode node, params string[] path) => ((YamlScalarNode)At(node, path)).Value!;

    [Fact]
    public void The_workflow_runs_one_job_per_shard_then_merges_verifies_and_publishes()
    {
        var wf = Load("sharded-verify.yml").Single();
        var shards = int.Parse(Scalar(wf, "env", "SHARDS"));
        var matrix = ((YamlSequenceNode)At(wf, "jobs", "shard", "strategy", "matrix", "shard")).Children.Select(n => int.Parse(((YamlScalarNode)n).Value!)).ToList();
        Assert.Equal(Enumerable.Range(1, shards), matrix.Order());
        Assert.Equal("false", Scalar(wf, "jobs", "shard", "strategy", "fail-fast"));
        var shardSteps = ((YamlSequenceNode)At(wf, "jobs", "shard", "steps")).Children;
        Assert.Contains(shardSteps, s => s is YamlMappingNode m && m.Children.ContainsKey(new YamlScalarNode("run"))
            && Scalar(m, "run").Contains("verify", StringComparison.Ordinal) && Scalar(m, "run").Contains("--shard \"${{ matrix.shard }}/$SHARDS\"", StringComparison.Ordinal));

        Assert.Equal("shard", Scalar(wf, "jobs", "merge", "needs"));
        var runs = ((YamlSequenceNode)At(wf, "jobs", "merge", "steps")).Children.Cast<YamlMappingNode>()
            .Select(s => s.Children.TryGetValue(new YamlScalarNode("run"), out var r) ? ((YamlScalarNode)r).Value! : "").ToList();
        var merge = runs.FindIndex(r => r.Contains("-- merge evidence shards/shard-*", StringComparison.Ordinal));
        var verify = runs.FindIndex(r => r.Contains("-- verify-bundle evidence", StringComparison.Ordinal));
        Assert.True(merge >= 0 && verify > merge, "the merge job merges, then verifies the merged bundle");
        Assert.Contains(((YamlSequenceNode)At(wf, "jobs", "merge", "steps")).Children.Cast<YamlMappingNode>(),
            s => s.Children.ContainsKey(new YamlScalarNode("uses")) && Scalar(s, "uses").StartsWith("actions/upload-artifact@", StringComparison.Ordinal)
                && Scalar(s, "with", "path") == "evidence/");
    }

    [Fact]
    public void The_indexed_job_maps_each_completion_index_to_one_shard_and_a_second_job_merges()
    {
        var docs = Load("k8s-sharded-verify.yaml");
        var jobs = docs.Where(d => Scalar(d, "kind") == "Job").ToDictionary(d => Scalar(d, "metadata", "name"));
        var shards = jobs["multiwallet-verify-shards"];
        Assert.Equal("batch/v1", Scalar(shards, "apiVersion"));
        Assert.Equal("Indexed", Scalar(shards, "spec", "completionMode"));
        var container = (YamlMappingNode)((YamlSequenceNode)At(shards, "spec", "template", "spec", "containers")).Children.Single();
        var n = ((YamlSequenceNode)container["env"]).Children.Cast<YamlMappingNode>().Single(e => Scalar(e, "name") == "SHARDS");
        Assert.Equal(Scalar(shards, "spec", "completions"), Scalar(n, "value"));
        Assert.Equal(Scalar(shards, "spec", "parallelism"), Scalar(n, "value"));
        var script = ((YamlScalarNode)((YamlSequenceNode)container["args"]).Children.Single()).Value!;
        Assert.Contains("k=$((JOB_COMPLETION_INDEX + 1))", script, StringComparison.Ordinal);
        Assert.Contains("--shard \"$k/$SHARDS\" --out \"/evidence/shards/shard-$k\"", script, StringComparison.Ordinal);

        var merge = jobs["multiwallet-verify-merge"];
        var mergeScript = ((YamlScalarNode)((YamlSequenceNode)((YamlMappingNode)((YamlSequenceNode)At(merge, "spec", "template", "spec", "containers")).Children.Single())["args"]).Children.Single()).Value!;
        Assert.Contains("merge /evidence/merged /evidence/shards/shard-*", mergeScript, StringComparison.Ordinal);
        Assert.Contains("verify-bundle /evidence/merged", mergeScript, StringComparison.Ordinal);
        Assert.NotEmpty(((YamlSequenceNode)At(merge, "spec", "template", "spec", "initContainers")).Children);

        // Both jobs mount the one shared claim.
        var claim = Scalar(docs.Single(d => Scalar(d, "kind") == "PersistentVolumeClaim"), "metadata", "name");
        foreach (var job in jobs.Values)
            Assert.Equal(claim, Scalar(((YamlSequenceNode)At(job, "spec", "template", "spec", "volumes")).Children.Single(), "persistentVolumeClaim", "claimName"));
    }
}
