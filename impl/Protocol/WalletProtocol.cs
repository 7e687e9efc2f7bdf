namespace MultiWallet.Impl.Protocol;

/// <summary>
/// The WUM ↔ SW link, a session-step protocol. The SW never talks to the merchant: it returns the next
/// SET message and the client relays it. That keeps each client/server link one-to-one and lets a master
/// wallet sit in the middle and proxy the session transparently (E7, E9–E12).
/// <code>
///   Wallet.Start   (body wake-up, field session)      → Wallet.Forward (body SET msg, field kind) | Wallet.Refused
///   Wallet.Deliver (body merchant reply, field kind)  → Wallet.Forward | Wallet.Done (outcome) | Wallet.Refused (outcome)
///   Wallet.Deliver (field kind NoAnswer, body: the failure) → the merchant did not answer the last SET message:
///                  the wallet decides (after PReq: Forward an InqReq; after PInitReq: Refused)
///   Wallet.BrandQuery                                 → Wallet.Brands (body: canonical list of brands held now)
///   any session request the wallet does not act on   → Wallet.Rejected (body: <see cref="SessionRejectedBody"/>)
///   a repeat of a request the wallet is still working on → Wallet.Working (no body; the client sends it again, S4)
/// </code>
/// The client never decides what a lost merchant answer means: it tells the wallet, which holds the transaction.
/// Every Start and Deliver carries the client's login, the session's sequence number and a MAC
/// (<see cref="SessionAuth"/>); every reply carries the wallet's MAC, so either side acts only on what the other sent.
/// </summary>
public static class WalletProtocol
{
    /// <summary>Opens a session with the wake-up.</summary>
    public const string Start = "Wallet.Start";
    /// <summary>Hands the wallet the merchant's reply.</summary>
    public const string Deliver = "Wallet.Deliver";
    /// <summary>The wallet's next SET message for the merchant.</summary>
    public const string Forward = "Wallet.Forward";
    /// <summary>The session ended paid (body: the outcome).</summary>
    public const string Done = "Wallet.Done";
    /// <summary>The session ended refused (body: the outcome).</summary>
    public const string Refused = "Wallet.Refused";
    /// <summary>Asks which brands the wallet holds now.</summary>
    public const string BrandQuery = "Wallet.BrandQuery";
    /// <summary>The answer to a brand query.</summary>
    public const string Brands = "Wallet.Brands";

    /// <summary>The wallet did not act on a session request (unauthenticated, unknown or another client's session, out of sequence).</summary>
    public const string Rejected = "Wallet.Rejected";

    /// <summary>
    /// The interim answer to a repeat of a session request the wallet is still working on (a master waiting on a slave or a
    /// custodian): sealed as any reply, it tells the client to keep waiting and send the same request again (DECISIONS.md S4).
    /// </summary>
    public const string Working = "Wallet.Working";

    /// <summary>Field naming the session (128 random bits the client drew, hex; bound to the login that started it).</summary>
    public const string SessionField = "session";
    /// <summary>Field naming the SET message kind carried in the body.</summary>
    public const string KindField = "kind";

    /// <summary>The <see cref="KindField"/> of a Deliver that carries no merchant reply: the merchant did not answer (body: the network failure's name).</summary>
    public const string NoAnswer = "NoAnswer";

    /// <summary>The canonical body of a brands answer (sorted).</summary>
    public static byte[] EncodeBrands(IEnumerable<string> brands) =>
        new Codec.CanonWriter("Brands").StrList("brands", brands.Order(StringComparer.Ordinal)).ToBytes();

    /// <summary>Parses a brands answer strictly.</summary>
    public static IReadOnlyList<string> DecodeBrands(byte[] b) =>
        Codec.CanonReader.Decode(b, "Brands", r => r.StrList("brands"), EncodeBrands);
}
