namespace MultiWallet.Audit.Tests;

/// <summary>A fresh folder under the temporary directory for one test class's files, deleted with it.</summary>
/// <param name="prefix">The folder name's prefix, naming the test class's subject.</param>
internal sealed class TempFolder(string prefix) : IDisposable
{
    /// <summary>The folder's full path.</summary>
    public string Dir { get; } = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), prefix + "-" + Guid.NewGuid().ToString("N"))).FullName;

    /// <summary>Writes <paramref name="text"/> as file <paramref name="name"/> in the folder; returns its path.</summary>
    public string Write(string name, string text)
    {
        var p = Path.Combine(Dir, name);
        File.WriteAllText(p, text);
        return p;
    }

    /// <summary>Deletes the folder and everything in it.</summary>
    public void Dispose() { if (Directory.Exists(Dir)) Directory.Delete(Dir, true); }
}
