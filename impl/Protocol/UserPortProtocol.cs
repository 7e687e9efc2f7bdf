using MultiWallet.Impl.Codec;
using MultiWallet.Impl.Network;

namespace MultiWallet.Impl.Protocol;

/// <summary>
/// The questions a server asks the user at the PC (E9/E12: pick a slave wallet; E10: type its address).
/// Questions cross the network like every other message, so the trace shows what the master wallet offered
/// and what the user answered. Both are authenticated under the user's login at the asking wallet (<see cref="SessionAuth"/>):
/// a question names the asking wallet and the order it is for (a digest of the wake-up), the answer is MAC'd over the
/// question's MAC, so neither a local process nor the network can ask the user in the wallet's name or answer for the user.
/// <code>
///   User.Choose (question, options)  → User.Answer (answer | none)
///   User.TypeAddress (question)      → User.Answer (answer | none)
/// </code>
/// </summary>
public static class UserPortProtocol
{
    /// <summary>Asks the user to pick one of the offered options.</summary>
    public const string Choose = "User.Choose";

    /// <summary>Asks the user to type a network address.</summary>
    public const string TypeAddress = "User.TypeAddress";

    /// <summary>The user's answer (empty text: nothing).</summary>
    public const string Answer = "User.Answer";

    private const string AnswerMsg = Answer;

    /// <summary>The body of a <see cref="Answer"/> reply.</summary>
    public static byte[] EncodeAnswer(string? answer) => new CanonWriter(AnswerMsg).Str("answer", answer ?? "").ToBytes();

    /// <summary>Field naming the wallet that asks.</summary>
    public const string WalletField = "wallet";
    /// <summary>Field naming the order the question is for (the first 16 hex digits of the wake-up's SHA-256).</summary>
    public const string OrderField = "order";

    /// <summary>
    /// Asks the user at <paramref name="pc"/> about the order of <paramref name="wakeUp"/>, under <paramref name="key"/>; null when the user
    /// answered nothing. An answer that does not authenticate is a typed BadSignature error.
    /// </summary>
    public static async Task<string?> AskAsync(INetwork net, Address from, Address pc, UserPortKey key, Set.WakeUp wakeUp, string kind, string question, IReadOnlyList<string> options, CancellationToken ct)
    {
        var fields = new Dictionary<string, string>
        {
            ["question"] = question,
            [WalletField] = key.Wallet,
            [SessionAuth.LoginField] = key.Login,
            [OrderField] = TraceLog.Digest(wakeUp.Encode()),
        };
        if (options.Count > 0) fields["options"] = string.Join(',', options);
        var ask = SessionAuth.Seal(key.Key, SessionAuth.Question, key.Wallet, key.Login, new NetMessage(from, pc, kind, new UserQuestion(question, options).Encode(), fields));
        var reply = await net.SendAsync(ask, ct).ConfigureAwait(false);
        if (reply.Kind != Answer || !SessionAuth.Verifies(key.Key, SessionAuth.Answer, key.Wallet, key.Login, reply, ask.Field(SessionAuth.MacField)))
            throw new SetException(SetErrorCode.BadSignature, $"the answer to {key.Wallet}'s question does not authenticate");
        var answer = CanonReader.Decode(reply.Body, AnswerMsg, r => r.Str("answer", allowEmpty: true), a => EncodeAnswer(a));
        return answer.Length == 0 ? null : answer;
    }
}
