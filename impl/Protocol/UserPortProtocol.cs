using MultiWallet.Impl.Codec;
using MultiWallet.Impl.Network;

namespace MultiWallet.Impl.Protocol;

/// <summary>
/// The questions a server asks the user at the PC (E9/E12: pick a slave wallet; E10: type its address).
/// Questions cross the network like every other message, so the trace shows what the master wallet offered
/// and what the user answered.
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

    /// <summary>Asks the user at <paramref name="pc"/>; null when the user answered nothing.</summary>
    public static async Task<string?> AskAsync(INetwork net, Address from, Address pc, string kind, string question, IReadOnlyList<string> options, CancellationToken ct)
    {
        var fields = new Dictionary<string, string> { ["question"] = question };
        if (options.Count > 0) fields["options"] = string.Join(',', options);
        var reply = await net.SendAsync(new NetMessage(from, pc, kind, new UserQuestion(question, options).Encode(), fields), ct).ConfigureAwait(false);
        var answer = CanonReader.Decode(reply.Body, AnswerMsg, r => r.Str("answer", allowEmpty: true), a => EncodeAnswer(a));
        return answer.Length == 0 ? null : answer;
    }
}
