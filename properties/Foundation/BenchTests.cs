using MultiWallet.Impl.Bench;
using Xunit;
using Xunit.Abstractions;

namespace MultiWallet.Properties.Foundation;

/// <summary>
/// Runs the purchase benchmark only when MW_BENCH is set (seconds of CPU on a shared machine otherwise):
/// <c>MW_BENCH=4 dotnet test properties -c Release --filter FullyQualifiedName~BenchTests --logger "console;verbosity=detailed"</c>.
/// The audit command will expose the same <see cref="PurchaseBenchmark.Run"/> as `bench`.
/// </summary>
public sealed class BenchTests(ITestOutputHelper output)
{
    [Fact]
    public void PurchaseBench()
    {
        if (Environment.GetEnvironmentVariable("MW_BENCH") is not { } s || !double.TryParse(s, out var seconds)) return;
        var r = PurchaseBenchmark.Run(TimeSpan.FromSeconds(seconds));
        output.WriteLine(r.ToString());
        Assert.True(r.PurchasesPerSecond > 0);
    }
}
