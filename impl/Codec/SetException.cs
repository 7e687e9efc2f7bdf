namespace MultiWallet.Impl.Codec;

/// <summary>Thrown by parsing and verification; parties catch it and answer with a typed error message.</summary>
public sealed class SetException(SetErrorCode code, string cause) : Exception($"{code}: {cause}")
{
    /// <summary>The typed error naming the exact cause: what the refusing party records in its own log.</summary>
    public SetError Error { get; } = new(code, cause);

    /// <summary>
    /// True when the failure arose while verifying an envelope, a signature, a certificate chain or a signed field:
    /// the sender is then answered <see cref="UniformFailure.Answer"/>, not <see cref="Error"/>.
    /// </summary>
    public bool Concealed { get; internal init; }
}
