using MultiWallet.Impl.Bench;
using Xunit;
using Xunit.Abstractions;

namespace MultiWallet.Properties.Network;

/// <summary>
/// Runs <see cref="HttpVsMemoryBenchmark"/> only when MW_HTTP_BENCH is set to a purchase count (optionally
/// MW_HTTP_BENCH_CONCURRENCY, default 16):
/// <c>MW_HTTP_BENCH=400 dotnet test properties -c Release --filter FullyQualifiedName~HttpBenchTests --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class HttpBenchTests(ITestOutputHelper output)
{
    [Fact]
    public void HttpVsMemory()
    {
        if (Environment.GetEnvironmentVariable("MW_HTTP_BENCH") is not { } s || !int.TryParse(s, out var n)) return;
        var c = int.TryParse(Environment.GetEnvironmentVariable("MW_HTTP_BENCH_CONCURRENCY"), out var k) ? k : 16;
        var r = HttpVsMemoryBenchmark.Run(n, c);
        output.WriteLine(r.ToString());
        Assert.Equal(n, r.InMemory.Paid);
        Assert.Equal(n, r.Http.Paid);
    }
}
