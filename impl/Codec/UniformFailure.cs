namespace MultiWallet.Impl.Codec;

/// <summary>
/// INV-UNIFORM-FAILURE: one answer for every failure of an envelope, a signature, a certificate chain, a dual signature or
/// a field they sign, whatever failed and wherever (merchant or gateway), so the answers to differently tampered requests
/// are the same bytes and no check can be told from another (no decryption or verification oracle). A party runs its
/// verification of a request inside <see cref="Verify{T}"/>; whatever fails there is recorded with its exact cause in the
/// party's own log and answered with <see cref="Answer"/>. Failures outside it (outer framing before any key is used, an
/// unknown order or a replay named by clear fields) keep their specific error: they tell the sender only what it sent
/// (docs/DECISIONS.md, "Envelopes, failures and bindings").
/// </summary>
public static class UniformFailure
{
    /// <summary>The one answer: code <see cref="SetErrorCode.Rejected"/>, a fixed text (a party adds only its own name).</summary>
    public static readonly SetError Answer = new(SetErrorCode.Rejected, "request rejected");

    /// <summary>Runs a verification; any typed failure inside it is concealed from the sender.</summary>
    public static T Verify<T>(Func<T> verification)
    {
        try { return verification(); }
        catch (SetException e) when (!e.Concealed) { throw Conceal(e); }
    }

    /// <summary>Runs a verification that returns nothing; any typed failure inside it is concealed from the sender.</summary>
    public static void Verify(Action verification) => Verify(() => { verification(); return true; });

    /// <summary>The same failure, concealed: its cause stays for the party's own log.</summary>
    public static SetException Conceal(SetException e) => new(e.Error.Code, e.Error.Cause) { Concealed = true };

    /// <summary>
    /// The one rule every SET party's handler applies: the error sent back to the sender of a refused request is the exact
    /// one, unless the failure is concealed, in which case it is <see cref="Answer"/> from <paramref name="party"/>.
    /// </summary>
    public static SetError AnswerFor(SetException e, string party) => e.Concealed ? Answer.At(party) : e.Error.At(party);
}
