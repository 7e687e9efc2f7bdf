namespace MultiWallet.Audit.Bundle;

/// <summary>One reason a bundle does not verify, naming the file.</summary>
/// <param name="File">The bundle file (relative path) at fault.</param>
/// <param name="What">What is wrong with it.</param>
public sealed record BundleProblem(string File, string What)
{
    /// <inheritdoc/>
    public override string ToString() => $"{File}: {What}";
}
