using FsCheck;
using FsCheck.Fluent;
using MultiWallet.Impl.Codec;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.Set;
using MultiWallet.Impl.World;

namespace MultiWallet.Checks.Bounded;

/// <summary>
/// FsCheck generators (composed) of bad inputs for every receiving party: a target, a defect, and a body built
/// from a well-formed template of what the party expects, so truncation and padding start from real messages.
/// Every generated input is bad by construction (a bit flip could leave a message valid; none is used). Half of the inputs
/// to a server wallet or the master are sent under the user's login there (<see cref="BadMessage.UnderLogin"/>): wallet
/// messages without a valid login are refused before the body is read, so only these reach the wallet's parsing.
/// </summary>
public static class BadMessageGen
{
    private static readonly string[] OtherKinds = [CustodyProtocol.Acquire, CustodyProtocol.Released, "PReq", "AuthReq", WalletProtocol.Forward, UserPortProtocol.Answer, "Console.Pay", "No.Such.Kind"];

    /// <summary>Inputs for the given targets, each target and defect uniformly.</summary>
    public static Gen<BadMessage> For(IReadOnlyList<Target> targets) =>
        from target in Gen.Elements(targets.ToArray())
        from defect in Gen.Elements(Enum.GetValues<Defect>())
        from n in Gen.Choose(0, 99_999)
        from cut in Gen.Choose(0, 1_000_000)
        from pad in Gen.Choose(64 * 1024, 256 * 1024)
        from other in Gen.Elements(OtherKinds)
        from random in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b))
        from semantic in Gen.Choose(0, 2)
        from login in Gen.Elements(false, true)
        select Build(target, defect, n, cut, pad, other, random, semantic) with { UnderLogin = login && target is Target.ServerWallet or Target.Master };

    private static byte[] WakeUpBytes(int n, long amount = 1000, string currency = "JPY", string brand = "BrandA") =>
        new WakeUp(PaymentWorld.MerchantId, $"BND-{n}", "1 x book", amount, currency, brand).Encode();

    private static byte[] PInitReqBytes(int n) =>
        new PInitReq(new byte[20], $"LIDC-{n}", $"NEVER-OFFERED-{n}", PaymentWorld.MerchantId, new byte[20], "BrandA", []).Encode();

    /// <summary>The party's own kind and a well-formed body of it.</summary>
    private static (string Kind, byte[] Body) Template(Target t, int n) => t switch
    {
        Target.ServerWallet or Target.Master or Target.PcEntry => (WalletProtocol.Start, WakeUpBytes(n)),
        Target.Custodian => (CustodyProtocol.Acquire, WakeUpBytes(n)),
        Target.UserPort => (UserPortProtocol.Choose, new UserQuestion($"which {n}?", ["SSW-1"]).Encode()),
        Target.Merchant => (PInitReq.Kind, PInitReqBytes(n)),
        _ => ("AuthReq", PInitReqBytes(n)),
    };

    private static BadMessage Build(Target t, Defect d, int n, int cut, int pad, string other, byte[] random, int semantic)
    {
        var (kind, body) = Template(t, n);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (t is Target.ServerWallet or Target.Master) fields[WalletProtocol.SessionField] = $"BND-S-{n}";
        switch (d)
        {
            case Defect.Malformed:
                body = t is Target.ServerWallet or Target.Master or Target.PcEntry
                    ? semantic switch { 0 => WakeUpBytes(n, amount: 0), 1 => WakeUpBytes(n, currency: "jpy"), _ => WakeUpBytes(n, amount: -n - 1) }
                    : new CanonWriter(t == Target.UserPort ? "User.Question" : kind).Str("junk", $"field-{n}").ToBytes();
                break;
            case Defect.Truncated:
                body = body[..(cut % body.Length)];
                break;
            case Defect.Oversized:
                var padded = new byte[body.Length + pad];
                body.CopyTo(padded, 0);
                new Random(n).NextBytes(padded.AsSpan(body.Length));
                body = padded;
                break;
            case Defect.UnknownSession:
                (kind, body) = t switch
                {
                    Target.ServerWallet or Target.Master => (WalletProtocol.Deliver, PInitReqBytes(n)),
                    Target.Custodian => (CustodyProtocol.Released, body),
                    Target.PcEntry => (kind, WakeUpBytes(n, brand: "BrandZ")),
                    Target.UserPort => (UserPortProtocol.Answer, UserPortProtocol.EncodeAnswer("SSW-1")),
                    _ => (kind, body),
                };
                if (t is Target.ServerWallet or Target.Master) fields[WalletProtocol.KindField] = PInitRes.Kind;
                break;
            case Defect.WrongKind:
                if (t == Target.PcEntry) body = PInitReqBytes(n);
                else kind = other == kind ? "No.Such.Kind" : other;
                break;
            default:
                body = random;
                break;
        }
        return new BadMessage(t, d, kind, body, fields);
    }
}
