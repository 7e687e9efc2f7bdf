using MultiWallet.Impl.Codec;

namespace MultiWallet.Impl.Protocol;

/// <summary>
/// What an information-carrying WUM sends to the master wallet together with the wake-up (E11: each
/// slave's brand information; E12: the slaves at which the user holds some certificate). It is the
/// client's claim: it only routes, and the slave still refuses a brand it lacks.
/// Wire form: <c>Wallet.StartWithInfo</c> whose body is this record, the wake-up bytes inside verbatim.
/// </summary>
public sealed record ClientInfo(byte[] WakeUp, IReadOnlyList<(string Ssw, IReadOnlyList<string> Brands)> BrandInfo, IReadOnlyList<string> SswInfo)
{
    /// <summary>The wallet-protocol kind that starts a session with client information.</summary>
    public const string StartWithInfo = "Wallet.StartWithInfo";
    private const string Msg = "ClientInfo";

    /// <summary>The canonical bytes of this message.</summary>
    public byte[] Encode()
    {
        var w = new CanonWriter(Msg).Bytes("wake-up", WakeUp).StrList("ssw-info", SswInfo)
            .StrList("brand-info", BrandInfo.Select(b => $"{b.Ssw}={string.Join('+', b.Brands)}"));
        return w.ToBytes();
    }

    /// <summary>Parses canonical bytes strictly; any defect is a typed Malformed error.</summary>
    public static ClientInfo Decode(byte[] b) => CanonReader.Decode(b, Msg, r => new ClientInfo(
        r.Bytes("wake-up"),
        r.StrList("brand-info").Select(ParseEntry).ToList(),
        r.StrList("ssw-info")), c => c.Encode());

    private static (string, IReadOnlyList<string>) ParseEntry(string s)
    {
        var i = s.IndexOf('=');
        if (i <= 0) throw new SetException(SetErrorCode.Malformed, $"ClientInfo: brand-info entry '{s}' is not SSW=BRAND+BRAND");
        return (s[..i], s[(i + 1)..].Split('+', StringSplitOptions.RemoveEmptyEntries));
    }
}
