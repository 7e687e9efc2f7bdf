using System.Reflection;
using System.Xml.Linq;
using MultiWallet.Impl.World;
using MultiWallet.Model.Prediction;
using NetArchTest.Rules;
using Xunit;

namespace MultiWallet.Tests.Architecture;

/// <summary>
/// Pins the house plan: in impl/ and model/ every reference points down (read from the compiled IL, method bodies
/// included, so a fully qualified name or a lambda cannot hide one), every namespace belongs to a layer, model and
/// impl never see each other, and the audit executable's project graph carries no test framework.
/// </summary>
public sealed class LayeringTests
{
    private static readonly Assembly ImplAssembly = typeof(PaymentWorld).Assembly;
    private static readonly Assembly ModelAssembly = typeof(Predictor).Assembly;

    public static TheoryData<string, string> LayersOf()
    {
        var data = new TheoryData<string, string>();
        foreach (var l in HouseLayers.Impl) data.Add("impl", l.Name);
        foreach (var l in HouseLayers.Model) data.Add("model", l.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(LayersOf))]
    public void A_layer_depends_only_on_layers_below_it(string assembly, string layerName)
    {
        var (asm, layers) = assembly == "impl" ? (ImplAssembly, HouseLayers.Impl) : (ModelAssembly, HouseLayers.Model);
        var layer = layers.Single(l => l.Name == layerName);
        var result = Types.InAssembly(asm).That().ResideInNamespace(layer.Namespace)
            .ShouldNot().HaveDependencyOnAny(HouseLayers.Forbidden(layers, layer)).GetResult();
        Assert.True(result.IsSuccessful, $"{assembly} layer {layer.Name} (rank {layer.Rank}) references a layer at its rank or above:\n"
            + string.Join("\n", (result.FailingTypes ?? []).Select(t => $"  {t.FullName}: {t.Explanation}")));
    }

    [Theory]
    [InlineData("impl")]
    [InlineData("model")]
    public void Every_namespace_belongs_to_a_layer(string assembly)
    {
        var (asm, layers) = assembly == "impl" ? (ImplAssembly, HouseLayers.Impl) : (ModelAssembly, HouseLayers.Model);
        var stray = asm.GetTypes().Where(t => t.Namespace is not null && !t.Namespace.StartsWith("Microsoft", StringComparison.Ordinal)
                && !t.Namespace.StartsWith("System", StringComparison.Ordinal)
                && !layers.Any(l => t.Namespace == l.Namespace || t.Namespace.StartsWith(l.Namespace + ".", StringComparison.Ordinal)))
            .Select(t => t.FullName).ToList();
        Assert.True(stray.Count == 0, "types outside every layer: " + string.Join(", ", stray));
    }

    [Fact]
    public void The_model_and_the_implementation_never_reference_each_other()
    {
        Assert.DoesNotContain(ModelAssembly.GetReferencedAssemblies(), a => a.Name == ImplAssembly.GetName().Name);
        Assert.DoesNotContain(ImplAssembly.GetReferencedAssemblies(), a => a.Name == ModelAssembly.GetName().Name);
    }

    [Fact]
    public void The_rule_catches_a_reference_that_points_up()
    {
        // Not vacuous: the checks assembly, which sits above impl, does reference impl's World layer.
        var result = Types.InAssembly(typeof(MultiWallet.Checks.Catalog.CheckCatalog).Assembly)
            .ShouldNot().HaveDependencyOnAny(HouseLayers.Impl.Single(l => l.Name == "World").Namespace).GetResult();
        Assert.False(result.IsSuccessful);
    }

    [Fact]
    public void The_audit_executable_ships_no_test_framework()
    {
        var testPackages = new[] { "xunit", "Microsoft.NET.Test.Sdk", "Snapshooter", "FsCheck.Xunit", "JunitXml.TestLogger", "coverlet" };
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var offending = new List<string>();
        void Walk(string csproj)
        {
            var full = Path.GetFullPath(csproj);
            if (!visited.Add(full)) return;
            var doc = XDocument.Load(full);
            offending.AddRange(doc.Descendants("PackageReference").Select(p => (string?)p.Attribute("Include") ?? "")
                .Where(p => testPackages.Any(t => p.StartsWith(t, StringComparison.OrdinalIgnoreCase))).Select(p => $"{Path.GetFileName(full)}: {p}"));
            foreach (var r in doc.Descendants("ProjectReference")) Walk(Path.Combine(Path.GetDirectoryName(full)!, ((string)r.Attribute("Include")!).Replace('\\', '/')));
        }
        Walk(Path.Combine(RepositoryRoot(), "audit", "MultiWallet.Audit.csproj"));
        Assert.True(visited.Count >= 4, "expected audit → checks → impl, model");
        Assert.Empty(offending);
    }

    private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", ".."));
}
