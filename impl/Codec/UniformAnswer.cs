namespace MultiWallet.Impl.Codec;

/// <summary>The faithful failure answer: a concealed failure gets the one <see cref="UniformFailure.Answer"/>, any other its exact error.</summary>
public sealed class UniformAnswer : IFailureAnswer
{
    /// <summary>The one instance.</summary>
    public static readonly UniformAnswer Faithful = new();

    private UniformAnswer() { }

    /// <inheritdoc/>
    public SetError AnswerFor(SetException e, string party) => UniformFailure.AnswerFor(e, party);
}
