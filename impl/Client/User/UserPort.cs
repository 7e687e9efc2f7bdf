using MultiWallet.Impl.Network;
using MultiWallet.Impl.Set;

namespace MultiWallet.Impl.Client.User;

/// <summary>
/// The user PC's listener for questions a server asks its user (E9/E12: pick a slave wallet; E10: type
/// its address). Questions cross the network like every other message, so the trace shows what the
/// master wallet offered and what the user answered.
/// <code>
///   User.Choose (question, options)  → User.Answer (answer | none)
///   User.TypeAddress (question)      → User.Answer (answer | none)
/// </code>
/// </summary>
public sealed class UserPort
{
    public const string Choose = "User.Choose";
    public const string TypeAddress = "User.TypeAddress";
    public const string Answer = "User.Answer";

    private readonly IUser user;

    public UserPort(INetwork net, IUser user, Address? at = null)
    {
        this.user = user;
        net.Listen(at ?? Address.Pc, Handle);
    }

    private Task<NetMessage> Handle(NetMessage m, CancellationToken ct)
    {
        var question = UserQuestion.Decode(m.Body);
        var answer = m.Kind == TypeAddress ? user.TypeAddress(question.Text) : user.Choose(question.Text, question.Options);
        return Task.FromResult(m.Reply(Answer, new CanonWriter(Answer).Str("answer", answer ?? "").ToBytes(),
            new Dictionary<string, string> { ["answer"] = answer ?? "(none)" }));
    }

    /// <summary>Asks the user at <paramref name="pc"/>; null when the user answered nothing.</summary>
    public static async Task<string?> AskAsync(INetwork net, Address from, Address pc, string kind, string question, IReadOnlyList<string> options, CancellationToken ct)
    {
        var fields = new Dictionary<string, string> { ["question"] = question };
        if (options.Count > 0) fields["options"] = string.Join(',', options);
        var reply = await net.SendAsync(new NetMessage(from, pc, kind, new UserQuestion(question, options).Encode(), fields), ct).ConfigureAwait(false);
        var answer = CanonReader.Decode(reply.Body, Answer, r => r.Str("answer", allowEmpty: true), a => new CanonWriter(Answer).Str("answer", a).ToBytes());
        return answer.Length == 0 ? null : answer;
    }
}

/// <summary>A question to the user and the options offered (empty for free text).</summary>
public sealed record UserQuestion(string Text, IReadOnlyList<string> Options)
{
    private const string Msg = "User.Question";

    public byte[] Encode() => new CanonWriter(Msg).Str("text", Text).StrList("options", Options).ToBytes();

    public static UserQuestion Decode(byte[] b) => CanonReader.Decode(b, Msg, r => new UserQuestion(r.Str("text"), r.StrList("options")), q => q.Encode());
}
