namespace MultiWallet.Impl.Codec;

/// <summary>Thrown by parsing and verification; parties catch it and answer with a typed error message.</summary>
public sealed class SetException(SetErrorCode code, string cause) : Exception($"{code}: {cause}")
{
    public SetError Error { get; } = new(code, cause);
}
