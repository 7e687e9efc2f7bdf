using System.Globalization;
using System.Security.Cryptography;
using MultiWallet.Impl.Codec;
using MultiWallet.Impl.Network;

namespace MultiWallet.Impl.Protocol;

/// <summary>
/// The message authentication of wallet sessions and user-port questions (docs/DECISIONS.md, "Sessions and logins"):
/// HMAC-SHA256, under the login key a client shares with one wallet, over a canonical encoding of the direction, the
/// wallet, the login, the message kind, every field but the MAC itself (session id and sequence number among them), the
/// SHA-256 of the body and, for an answer, the MAC of the request it answers. The tag is cut to 128 bits (as RFC 4868
/// does) and travels hex-encoded in the <see cref="MacField"/>. A message whose tag does not verify is not acted on.
/// </summary>
public static class SessionAuth
{
    /// <summary>Field naming the login (the client) a request is made under.</summary>
    public const string LoginField = "login";
    /// <summary>Field carrying the per-session sequence number (0 for the session's start).</summary>
    public const string SeqField = "seq";
    /// <summary>Field carrying the hex tag.</summary>
    public const string MacField = "mac";

    /// <summary>Direction of a client's request to its wallet.</summary>
    public const string Request = "request";
    /// <summary>Direction of a wallet's reply to its client.</summary>
    public const string Reply = "reply";
    /// <summary>Direction of a wallet's question to the user port.</summary>
    public const string Question = "question";
    /// <summary>Direction of the user port's answer.</summary>
    public const string Answer = "answer";

    private const int TagBytes = 16;

    /// <summary>The hex tag of <paramref name="m"/> (its <see cref="MacField"/> excluded) in <paramref name="direction"/>.</summary>
    public static string Tag(byte[] key, string direction, string wallet, string login, NetMessage m, string? inReplyTo = null)
    {
        var fields = m.Fields.Where(kv => kv.Key != MacField).OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        var input = new CanonWriter("SessionMac").Str("direction", direction).Str("wallet", wallet).Str("login", login).Str("kind", m.Kind)
            .StrList("field-names", fields.Select(kv => kv.Key)).StrList("field-values", fields.Select(kv => kv.Value))
            .Bytes("body-digest", SHA256.HashData(m.Body)).Str("in-reply-to", inReplyTo ?? "").ToBytes();
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, input).AsSpan(0, TagBytes));
    }

    /// <summary><paramref name="m"/> with its tag in the <see cref="MacField"/>.</summary>
    public static NetMessage Seal(byte[] key, string direction, string wallet, string login, NetMessage m, string? inReplyTo = null) =>
        m with { Fields = new Dictionary<string, string>(m.Fields) { [MacField] = Tag(key, direction, wallet, login, m, inReplyTo) } };

    /// <summary>True when <paramref name="m"/> carries the right tag (compared in constant time).</summary>
    public static bool Verifies(byte[] key, string direction, string wallet, string login, NetMessage m, string? inReplyTo = null)
    {
        if (m.Field(MacField) is not { Length: TagBytes * 2 } mac) return false;
        byte[] got;
        try { got = Convert.FromHexString(mac); }
        catch (FormatException) { return false; }
        return CryptographicOperations.FixedTimeEquals(got, Convert.FromHexString(Tag(key, direction, wallet, login, m, inReplyTo)));
    }

    /// <summary>The sequence number of <paramref name="m"/>, or null when it has none or it is not a canonical non-negative number.</summary>
    public static long? Seq(NetMessage m) =>
        m.Field(SeqField) is { } s && long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n.ToString(CultureInfo.InvariantCulture) == s ? n : null;

    /// <summary>The fields with <paramref name="seq"/> set.</summary>
    public static Dictionary<string, string> WithSeq(IReadOnlyDictionary<string, string> fields, long seq) =>
        new(fields) { [SeqField] = seq.ToString(CultureInfo.InvariantCulture) };
}
