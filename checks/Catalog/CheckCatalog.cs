using System.Reflection;

namespace MultiWallet.Checks.Catalog;

/// <summary>Finds every <see cref="CheckAttribute"/> method in the given assemblies.</summary>
public static class CheckCatalog
{
    public static IReadOnlyList<CheckEntry> Discover(params Assembly[] assemblies)
    {
        var methods = assemblies
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .ToList();
        var attributed = methods
            .Select(m => (m, a: m.GetCustomAttribute<CheckAttribute>()))
            .Where(x => x.a is not null)
            .Select(x => CheckEntry.Of(x.a!, ValidMethod(x.m)));
        var sourced = methods
            .Where(m => m.GetCustomAttribute<CheckSourceAttribute>() is not null)
            .SelectMany(m => (IEnumerable<CheckEntry>)m.Invoke(null, null)!);
        var entries = attributed.Concat(sourced).Select(Validate).OrderBy(e => e.Id, NaturalOrder.Instance).ToList();
        var dup = entries.GroupBy(e => e.Id).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new InvalidOperationException($"check id {dup.Key} is declared twice");
        return entries;
    }

    private static readonly Lazy<IReadOnlyList<CheckEntry>> Catalog = new(() => Discover(typeof(CheckCatalog).Assembly));

    /// <summary>The whole catalog: every check of this assembly, discovered once.</summary>
    public static IReadOnlyList<CheckEntry> All => Catalog.Value;

    private static MethodInfo ValidMethod(MethodInfo m) =>
        m.ReturnType == typeof(CheckOutcome) && m.GetParameters() is [{ ParameterType: var p }] && p == typeof(CheckContext)
            ? m
            : throw new InvalidOperationException($"{m.DeclaringType?.Name}.{m.Name}: a check is `static CheckOutcome M(CheckContext ctx)`");

    private static CheckEntry Validate(CheckEntry e) =>
        e.Meta.Requirements.Length == 0 ? throw new InvalidOperationException($"check {e.Id} cites no requirement id") : e;
}
