using MultiWallet.Impl.Codec;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;

namespace MultiWallet.Impl.Client.User;

/// <summary>
/// The user PC's listener for the questions of <see cref="UserPortProtocol"/>: it hands each question to the
/// person at the PC (<see cref="IUser"/>) and replies with the answer. It keeps nothing itself; a message of
/// another kind, or a question that does not parse, is refused (a typed Malformed error) before the person
/// is asked anything, so bad input never consumes one of the user's answers. A question is put to the person only when it
/// authenticates as the named wallet's, under the user's login there (<see cref="UserPortProtocol"/>); the answer is sealed
/// for that wallet.
/// </summary>
public sealed class UserPort
{
    private readonly IUser user;
    private readonly ClientLogin login;

    /// <summary>Listens at <paramref name="at"/> (default: the PC's address) on <paramref name="net"/>; <paramref name="login"/> holds the user's keys.</summary>
    public UserPort(INetwork net, IUser user, ClientLogin login, Address? at = null)
    {
        this.user = user;
        this.login = login;
        net.Listen(at ?? Address.Pc, Handle);
    }

    /// <summary>Entries of every collection the port keeps: none (what it is asked goes to the person, not into memory).</summary>
    public static int StateSize => 0;

    private Task<NetMessage> Handle(NetMessage m, CancellationToken ct)
    {
        if (m.Kind is not (UserPortProtocol.TypeAddress or UserPortProtocol.Choose))
            throw new SetException(SetErrorCode.Malformed, "not a question for the user port");
        var wallet = m.Field(UserPortProtocol.WalletField);
        var key = wallet is null || m.Field(SessionAuth.LoginField) != login.Client ? null : login.KeyFor(wallet);
        if (key is null || !SessionAuth.Verifies(key, SessionAuth.Question, wallet!, login.Client, m))
            throw new SetException(SetErrorCode.BadSignature, "question does not authenticate as a wallet's the user has a login at");
        var question = UserQuestion.Decode(m.Body);
        var answer = m.Kind == UserPortProtocol.TypeAddress ? user.TypeAddress(question.Text) : user.Choose(question.Text, question.Options);
        var reply = m.Reply(UserPortProtocol.Answer, UserPortProtocol.EncodeAnswer(answer), new Dictionary<string, string> { ["answer"] = answer ?? "(none)" });
        return Task.FromResult(SessionAuth.Seal(key, SessionAuth.Answer, wallet!, login.Client, reply, m.Field(SessionAuth.MacField)));
    }
}
