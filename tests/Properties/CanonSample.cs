using MultiWallet.Impl.Codec;

namespace MultiWallet.Tests.Properties;

/// <summary>A message with one field of each kind the canonical codec supports, for round-trip properties.</summary>
public sealed record CanonSample(string Text, long Number, byte[] Octets, string[] Texts, byte[][] OctetLists, string Inner)
{
    /// <summary>The message type name written in "msg".</summary>
    public const string Msg = "Sample";

    /// <summary>The canonical encoding.</summary>
    public byte[] Encode() => new CanonWriter(Msg).Str("text", Text).Long("number", Number).Bytes("octets", Octets)
        .StrList("texts", Texts).BytesList("octet-lists", OctetLists).Obj("inner", new CanonWriter().Str("value", Inner)).ToBytes();

    /// <summary>The one strict decoding path every message uses.</summary>
    public static CanonSample Decode(byte[] bytes) => CanonReader.Decode(bytes, Msg, r =>
    {
        var inner = r.Obj("inner", "inner");
        var value = inner.Str("value");
        inner.End();
        return new CanonSample(r.Str("text"), r.Long("number"), r.Bytes("octets"), [.. r.StrList("texts")], [.. r.BytesList("octet-lists")], value);
    }, s => s.Encode());

    /// <summary>Field-wise equality (arrays by content).</summary>
    public bool SameAs(CanonSample o) => Text == o.Text && Number == o.Number && Octets.SequenceEqual(o.Octets) && Texts.SequenceEqual(o.Texts)
        && OctetLists.Length == o.OctetLists.Length && OctetLists.Zip(o.OctetLists).All(p => p.First.SequenceEqual(p.Second)) && Inner == o.Inner;
}
