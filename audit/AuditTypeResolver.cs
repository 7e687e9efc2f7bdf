using System.Collections;
using Spectre.Console.Cli;

namespace MultiWallet.Audit;

/// <summary>
/// Resolves what <see cref="AuditTypeRegistrar"/> registered (the last registration wins; <c>IEnumerable&lt;T&gt;</c>
/// gets them all), and builds any other concrete type through its widest constructor whose parameters are
/// all registered.
/// </summary>
public sealed class AuditTypeResolver : ITypeResolver
{
    private readonly IReadOnlyDictionary<Type, IReadOnlyList<Func<AuditTypeResolver, object?>>> registrations;

    /// <summary>A resolver over the given registrations (service type → factories, in registration order).</summary>
    public AuditTypeResolver(IReadOnlyDictionary<Type, IReadOnlyList<Func<AuditTypeResolver, object?>>> registrations) =>
        this.registrations = registrations;

    /// <inheritdoc />
    public object? Resolve(Type? type)
    {
        if (type is null) return null;
        if (Registered(type) is { } registered) return registered;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>))
        {
            var item = type.GenericTypeArguments[0];
            var all = registrations.TryGetValue(item, out var fs) ? fs.Select(f => f(this)).OfType<object>().ToList() : [];
            var array = Array.CreateInstance(item, all.Count);
            ((IList)all).CopyTo(array, 0);
            return array;
        }
        return Create(type);
    }

    /// <summary>A new instance of a concrete type, or null when no constructor's parameters can all be resolved.</summary>
    public object? Create(Type type)
    {
        if (type.IsAbstract || type.IsInterface) return null;
        foreach (var ctor in type.GetConstructors().OrderByDescending(c => c.GetParameters().Length))
        {
            var args = ctor.GetParameters().Select(p => Registered(p.ParameterType)).ToArray();
            if (args.All(a => a is not null)) return ctor.Invoke(args);
        }
        return null;
    }

    private object? Registered(Type type) => registrations.TryGetValue(type, out var fs) ? fs[^1](this) : null;
}
