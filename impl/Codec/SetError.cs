namespace MultiWallet.Impl.Codec;

/// <summary>An error a SET party reports: code plus the exact cause (e.g. "dual signature invalid at merchant").</summary>
public sealed record SetError(SetErrorCode Code, string Cause)
{
    /// <summary>Code and cause, e.g. "BadSignature: dual signature invalid at merchant".</summary>
    public override string ToString() => $"{Code}: {Cause}";

    /// <summary>Names the party where the error arose, unless the cause already does (parsing errors do not).</summary>
    public SetError At(string party) => Cause.Contains(" at ", StringComparison.Ordinal) ? this : this with { Cause = $"{Cause} at {party}" };
}
