using Spectre.Console.Cli.Testing;

namespace MultiWallet.Audit.Tests;

/// <summary>One in-process `verify` with the sample checks, into a fresh temporary directory removed on dispose.</summary>
internal sealed class VerifyRun : IDisposable
{
    /// <summary>The bundle directory.</summary>
    public string Dir { get; } = Path.Combine(Path.GetTempPath(), "mw-bundle-" + Guid.NewGuid().ToString("N"));

    /// <summary>The result of the run.</summary>
    public CommandAppResult Result { get; }

    /// <summary>Runs `verify --out DIR` with <paramref name="args"/>, the sample checks discoverable.</summary>
    public VerifyRun(params string[] args)
    {
        var before = AuditApp.ExtraAssemblies;
        AuditApp.ExtraAssemblies = [typeof(SampleChecks).Assembly];
        try { Result = AuditTester.Run(["verify", "--out", Dir, .. args]); }
        finally { AuditApp.ExtraAssemblies = before; }
    }

    /// <summary>The path of a bundle file.</summary>
    public string File(string name) => Path.Combine(Dir, name);

    public void Dispose()
    {
        if (Directory.Exists(Dir)) Directory.Delete(Dir, recursive: true);
    }
}
