using System.Text;

namespace MultiWallet.Impl.Network.Http;

/// <summary>
/// How a <see cref="NetMessage"/> travels over HTTP: the body is the POST (or response) body as
/// application/octet-stream, unchanged; addresses, kind and fields go in headers, every value
/// percent-encoded (RFC 3986 unreserved characters stay, everything else is %XX of its UTF-8 bytes),
/// so any string survives, including spaces, '=', '&amp;', '%', newlines and non-ASCII.
/// </summary>
public static class HttpWire
{
    /// <summary>Header with the sender's address.</summary>
    public const string FromHeader = "X-MW-From";
    /// <summary>Header with the receiver's address.</summary>
    public const string ToHeader = "X-MW-To";
    /// <summary>Header with the message kind.</summary>
    public const string KindHeader = "X-MW-Kind";
    /// <summary><c>k1=v1&amp;k2=v2</c>, each key and value percent-encoded; present (maybe empty) on every message.</summary>
    public const string FieldsHeader = "X-MW-Fields";
    /// <summary>On a 502 answer: the remote handler itself failed with a NetworkException (failure, address, detail).</summary>
    public const string RemoteFailureHeader = "X-MW-Remote-Failure";
    /// <summary>On a 502 answer: the address the remote handler failed to reach.</summary>
    public const string RemoteFailureToHeader = "X-MW-Remote-Failure-To";
    /// <summary>On a 502 answer: the remote failure's detail.</summary>
    public const string RemoteFailureDetailHeader = "X-MW-Remote-Failure-Detail";
    /// <summary>Path every party listens on.</summary>
    public const string Path = "/mw";
    /// <summary>Content type of every body.</summary>
    public const string ContentType = "application/octet-stream";

    /// <summary>Header with a refusal's reason: short, fixed or bounded text, never the receiver's exception text.</summary>
    public const string ReasonHeader = "X-MW-Reason";
    /// <summary>Body limit of the messages that carry at most a wake-up, a question or an answer.</summary>
    public const int SmallBodyLimit = 16 * 1024;
    /// <summary>Body limit of every other kind (SET messages and custody messages carry certificate chains and envelopes of a few KB).</summary>
    public const int LargeBodyLimit = 256 * 1024;
    /// <summary>Longest reason text a refusal header carries.</summary>
    public const int MaxReasonLength = 160;

    private static readonly HashSet<string> SmallKinds = new(StringComparer.Ordinal)
    {
        "Wallet.Start", "Wallet.StartWithInfo", "Wallet.BrandQuery", "User.Choose", "User.TypeAddress", "User.Answer",
        "Console.Describe", "Console.Pay",
    };

    /// <summary>
    /// The most body bytes a receiver reads for a message of <paramref name="kind"/>: small for wake-ups,
    /// client information, questions and answers; large for everything else (so a kind added later is never
    /// refused for its size before it is given a limit of its own).
    /// </summary>
    public static int BodyLimit(string kind) => SmallKinds.Contains(kind) ? SmallBodyLimit : LargeBodyLimit;

    /// <summary>A reason cut to <see cref="MaxReasonLength"/> characters and percent-encoded.</summary>
    public static string Reason(string reason) => Encode(reason.Length <= MaxReasonLength ? reason : reason[..MaxReasonLength]);

    /// <summary>Percent-encodes a header value.</summary>
    public static string Encode(string s) => Uri.EscapeDataString(s);

    /// <summary>Strict decode: a '%' not followed by two hex digits, or bytes that are not UTF-8, is malformed.</summary>
    public static string? Decode(string s)
    {
        var bytes = new List<byte>(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '%')
            {
                if (i + 2 >= s.Length || !IsHex(s[i + 1]) || !IsHex(s[i + 2])) return null;
                bytes.Add(Convert.ToByte(s.Substring(i + 1, 2), 16));
                i += 2;
            }
            else if (c > 0x7e || c < 0x20) return null;
            else bytes.Add((byte)c);
        }
        try { return new UTF8Encoding(false, true).GetString(bytes.ToArray()); }
        catch (DecoderFallbackException) { return null; }
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    /// <summary>The fields header value, keys sorted.</summary>
    public static string EncodeFields(IReadOnlyDictionary<string, string> fields) =>
        string.Join('&', fields.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => Encode(kv.Key) + "=" + Encode(kv.Value)));

    /// <summary>Null when malformed (a pair without '=', a bad escape, a repeated key).</summary>
    public static IReadOnlyDictionary<string, string>? DecodeFields(string header)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (header.Length == 0) return result;
        foreach (var pair in header.Split('&'))
        {
            var eq = pair.IndexOf('=');
            if (eq < 0) return null;
            var k = Decode(pair[..eq]);
            var v = Decode(pair[(eq + 1)..]);
            if (k is null || v is null || !result.TryAdd(k, v)) return null;
        }
        return result;
    }

    /// <summary>Reads the four message headers; null with a reason when one is missing or malformed.</summary>
    public static (Address From, Address To, string Kind, IReadOnlyDictionary<string, string> Fields)? ReadHeaders(
        Func<string, string?> header, out string reason)
    {
        reason = "";
        var raw = new[] { FromHeader, ToHeader, KindHeader, FieldsHeader }.Select(h => (h, v: header(h))).ToArray();
        if (raw.FirstOrDefault(x => x.v is null) is { h: { } missing })
        {
            reason = $"missing header {missing}";
            return null;
        }
        var from = Decode(raw[0].v!);
        var to = Decode(raw[1].v!);
        var kind = Decode(raw[2].v!);
        var fields = DecodeFields(raw[3].v!);
        if (from is null || to is null || kind is null || fields is null)
        {
            reason = "malformed message header";
            return null;
        }
        return (new Address(from), new Address(to), kind, fields);
    }
}
