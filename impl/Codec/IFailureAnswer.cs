namespace MultiWallet.Impl.Codec;

/// <summary>
/// What a SET party answers the sender of a request it refused (INV-UNIFORM-FAILURE). <see cref="UniformAnswer"/> is the one
/// faithful rule (<see cref="UniformFailure.AnswerFor"/>); the interface is the seam a seeded attack fault substitutes.
/// </summary>
public interface IFailureAnswer
{
    /// <summary>The error <paramref name="party"/> sends back for the refusal <paramref name="e"/>.</summary>
    SetError AnswerFor(SetException e, string party);
}
