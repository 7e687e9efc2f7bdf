using Spectre.Console.Cli;

namespace MultiWallet.Audit;

/// <summary>
/// The type registrar the command app builds its commands with: registered instances (the
/// <see cref="Spectre.Console.IAnsiConsole"/> every command writes to) are handed to the commands' constructors.
/// </summary>
public sealed class AuditTypeRegistrar : ITypeRegistrar
{
    private readonly Dictionary<Type, List<Func<AuditTypeResolver, object?>>> registrations = [];

    /// <inheritdoc />
    public void Register(Type service, Type implementation) => Add(service, r => r.Create(implementation));

    /// <inheritdoc />
    public void RegisterInstance(Type service, object implementation) => Add(service, _ => implementation);

    /// <inheritdoc />
    public void RegisterLazy(Type service, Func<object> factory)
    {
        var lazy = new Lazy<object>(factory);
        Add(service, _ => lazy.Value);
    }

    /// <inheritdoc />
    public ITypeResolver Build() => new AuditTypeResolver(registrations.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<Func<AuditTypeResolver, object?>>)[.. kv.Value]));

    private void Add(Type service, Func<AuditTypeResolver, object?> factory)
    {
        if (!registrations.TryGetValue(service, out var list)) registrations[service] = list = [];
        list.Add(factory);
    }
}
