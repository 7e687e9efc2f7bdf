using MultiWallet.Impl.Network;
using MultiWallet.Impl.Protocol;

namespace MultiWallet.Impl.Server.Master;

/// <summary>Wallet-protocol refusals the master wallet answers with itself.</summary>
internal static class MasterReplies
{
    public static NetMessage Refuse(NetMessage request, string session, Refused r) =>
        request.Reply(WalletProtocol.Refused, r.Encode(), new Dictionary<string, string> { [WalletProtocol.SessionField] = session, ["reason"] = r.Reason.ToString() });

    public static bool IsUnreachable(NetMessage reply) => reply.Kind == WalletProtocol.Refused && reply.Field("reason") == nameof(RefusalReason.WalletUnreachable);
}
