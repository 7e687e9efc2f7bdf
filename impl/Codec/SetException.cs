namespace MultiWallet.Impl.Codec;

/// <summary>Thrown by parsing and verification; parties catch it and answer with a typed error message.</summary>
public sealed class SetException(SetErrorCode code, string cause) : Exception($"{code}: {cause}")
{
    /// <summary>The typed error the party answers with.</summary>
    public SetError Error { get; } = new(code, cause);
}
