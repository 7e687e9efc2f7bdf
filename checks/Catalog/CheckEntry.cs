using System.Reflection;

namespace MultiWallet.Checks.Catalog;

/// <summary>One catalog entry: its metadata and the code that runs it.</summary>
public sealed record CheckEntry(CheckAttribute Meta, Func<CheckContext, CheckOutcome> Body)
{
    public string Id => Meta.Id;

    /// <summary>The entry of a <c>[Check]</c> method.</summary>
    public static CheckEntry Of(CheckAttribute meta, MethodInfo method) =>
        new(meta, ctx =>
        {
            try { return (CheckOutcome)method.Invoke(null, [ctx])!; }
            catch (TargetInvocationException e) when (e.InnerException is not null) { throw e.InnerException; }
        });

    /// <summary>Runs the check; an exception is a failed outcome naming it, never a crash of the campaign.</summary>
    public CheckOutcome Run(CheckContext ctx)
    {
        try
        {
            return Body(ctx);
        }
        catch (Exception e)
        {
            return CheckOutcome.Fail($"{e.GetType().Name}: {e.Message}\n{e.StackTrace}");
        }
    }
}
