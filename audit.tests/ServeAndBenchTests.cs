using System.Text.Json;
using Xunit;

namespace MultiWallet.Audit.Tests;

/// <summary>`serve --once` and `bench` with a tiny budget.</summary>
public sealed class ServeAndBenchTests
{
    [Theory]
    [InlineData("E7")]
    [InlineData("E1")]
    public void Serve_once_exits_0(string embodiment)
    {
        var dir = Path.Combine(Path.GetTempPath(), "mw-serve-" + Guid.NewGuid().ToString("N"));
        try { Assert.Equal(0, AuditTester.Run("serve", "--embodiment", embodiment, "--once", "--out", dir).ExitCode); }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
    }

    [Fact]
    public void Serve_needs_a_known_embodiment()
    {
        Assert.Equal(2, AuditTester.Run("serve", "--once").ExitCode);
        Assert.Equal(2, AuditTester.Run("serve", "--embodiment", "E13", "--once").ExitCode);
    }

    [Fact]
    public void Bench_with_a_tiny_budget_exits_0_and_writes_bench_json()
    {
        var dir = Path.Combine(Path.GetTempPath(), "mw-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            Assert.Equal(0, AuditTester.Run("bench", "--purchases", "4", "--seconds", "0.05", "--rounds", "2", "--campaign-cases", "1", "--concurrency", "2", "--out", dir).ExitCode);
            using var j = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "bench.json")));
            Assert.True(j.RootElement.GetProperty("purchase").GetProperty("purchasesPerCpuSecond").GetDouble() > 0);
            // Counted, not assumed: a purchase signs PInitRes, the dual signature, AuthReq, AuthRes and PRes (5).
            Assert.Equal(5, j.RootElement.GetProperty("purchase").GetProperty("operations")[0].GetProperty("perPurchase").GetDouble());
            // The campaign does more than its primitives (generation, model, encoding), so its CPU time exceeds its floor.
            Assert.True(j.RootElement.GetProperty("campaign").GetProperty("ratioToCryptoFloor").GetProperty("median").GetDouble() > 1);
            Assert.True(j.RootElement.GetProperty("purchase").GetProperty("cryptoFloorMs").GetDouble() > 0);
            Assert.Equal(4, j.RootElement.GetProperty("httpVsMemory").GetProperty("http").GetProperty("paid").GetInt32());
            Assert.True(j.RootElement.GetProperty("httpVsMemory").GetProperty("ratio").GetDouble() > 0);
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
    }

    [Fact]
    public void Bench_bad_usage_exits_2() => Assert.Equal(2, AuditTester.Run("bench", "--seconds", "0").ExitCode);
}
