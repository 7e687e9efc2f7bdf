using MultiWallet.Checks.Catalog;

namespace MultiWallet.Checks.Network;

/// <summary>
/// The verdict of a check over real sockets: what it found that does not depend on time (a failure), and the cases a
/// wall-clock limit cut short (environment: the machine, not the system, so nothing was judged for them). A failure
/// decides; otherwise any cut-short case makes the outcome inconclusive; otherwise it passes.
/// </summary>
internal sealed class WallClockVerdict(CheckContext ctx)
{
    private readonly List<string> failures = [];
    private readonly List<string> environment = [];

    /// <summary>Whether nothing has failed yet.</summary>
    public bool Clean => failures.Count == 0;

    /// <summary>Records a failure (a deterministic finding).</summary>
    public void Fail(string why)
    {
        ctx.Log("FAIL " + why);
        failures.Add(why);
    }

    /// <summary>Records a case a wall-clock limit cut short: judged neither way.</summary>
    public void Environment(string why)
    {
        ctx.Log("inconclusive (environment) " + why);
        environment.Add(why);
    }

    /// <summary>The outcome: failed if anything failed, else inconclusive if a limit fired, else passed with <paramref name="pass"/>.</summary>
    public CheckOutcome Outcome(int cases, string pass) =>
        failures.Count > 0 ? CheckOutcome.Fail(string.Join("\n", failures), cases)
        : environment.Count > 0 ? CheckOutcome.InconclusiveEnvironment(string.Join("; ", environment), cases)
        : CheckOutcome.Pass(pass, cases);
}
