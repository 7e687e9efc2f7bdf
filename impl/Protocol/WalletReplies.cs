using MultiWallet.Impl.Network;

namespace MultiWallet.Impl.Protocol;

/// <summary>
/// The replies a wallet answers <see cref="WalletProtocol"/> requests with, built in one place for every
/// wallet that serves the protocol (server wallet, master wallet, its virtual WUM), so their fields agree.
/// </summary>
public static class WalletReplies
{
    /// <summary>The reply carrying a purchase step: Forward (a SET message for the merchant), Done or Refused.</summary>
    public static NetMessage Step(NetMessage request, PurchaseStep step)
    {
        var session = request.Field(WalletProtocol.SessionField) ?? "";
        return step switch
        {
            SendToMerchant s => request.Reply(WalletProtocol.Forward, s.Body,
                new Dictionary<string, string>(s.Fields) { [WalletProtocol.KindField] = s.Kind, [WalletProtocol.SessionField] = session }),
            Finished { Outcome: Paid p } => request.Reply(WalletProtocol.Done, p.Encode(),
                new Dictionary<string, string> { [WalletProtocol.SessionField] = session, ["outcome"] = "Paid", ["brand"] = p.Brand }),
            Finished { Outcome: Refused r } => Refuse(request, session, r),
            _ => throw new InvalidOperationException("unknown step"),
        };
    }

    /// <summary>The Refused reply for <paramref name="session"/>, the outcome in the body and its reason in the fields.</summary>
    public static NetMessage Refuse(NetMessage request, string session, Refused r) =>
        request.Reply(WalletProtocol.Refused, r.Encode(), new Dictionary<string, string> { [WalletProtocol.SessionField] = session, ["reason"] = r.Reason.ToString() });

    /// <summary>True when a wallet's reply says the wallet it tried did not answer the session start.</summary>
    public static bool IsUnreachable(NetMessage reply) => reply.Kind == WalletProtocol.Refused && reply.Field("reason") == nameof(RefusalReason.WalletUnreachable);

    /// <summary>The answer to a <see cref="WalletProtocol.BrandQuery"/>: the brands the wallet holds now.</summary>
    public static NetMessage Brands(NetMessage request, IReadOnlyList<string> brands) =>
        request.Reply(WalletProtocol.Brands, WalletProtocol.EncodeBrands(brands), new Dictionary<string, string> { ["brands"] = string.Join(',', brands) });
}
