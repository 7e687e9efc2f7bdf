using System.Reflection;

namespace MultiWallet.Properties.Catalog;

/// <summary>One discovered catalog entry.</summary>
public sealed record CheckEntry(CheckAttribute Meta, MethodInfo Method)
{
    public string Id => Meta.Id;

    public CheckOutcome Run(CheckContext ctx)
    {
        try
        {
            return (CheckOutcome)Method.Invoke(null, [ctx])!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            return CheckOutcome.Fail($"{e.InnerException.GetType().Name}: {e.InnerException.Message}\n{e.InnerException.StackTrace}");
        }
    }
}
