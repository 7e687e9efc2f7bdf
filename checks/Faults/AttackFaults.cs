using MultiWallet.Checks.Attacks;
using MultiWallet.Checks.Catalog;
using MultiWallet.Impl.Codec;
using MultiWallet.Impl.Crypto;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Parties;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.Server;
using MultiWallet.Impl.Set;
using MultiWallet.Impl.Server.Master;
using MultiWallet.Impl.World;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Faults;

/// <summary>
/// Seeded attack faults: each re-opens one attack of docs/THREATS.md, substituted through <see cref="WorldParts"/> or
/// <see cref="EmbodimentWorld.Parts"/> (the faithful component is the default; no switch in impl/), and each must be caught
/// by a generated attack property of checks/Attacks (<see cref="AttackChecks.Detect"/>: the embodiment's attacked scenarios
/// until the property is violated where the faithful world holds it, the attack shrunk). Part of <see cref="SeededFaults.All"/>.
/// </summary>
public static class AttackFaults
{
    /// <summary>A session guard that takes any MAC of a registered login: whoever names the login is taken for it.</summary>
    private sealed class AnyMac : IRequestAuthentication
    {
        public bool Authentic(byte[] key, string wallet, string login, NetMessage m) => m.Field(SessionAuth.MacField) is not null;
    }

    /// <summary>A session guard that checks the MAC of a session's start only: a later request naming a registered login is taken with any MAC.</summary>
    private sealed class MacAtStartOnly : IRequestAuthentication
    {
        public bool Authentic(byte[] key, string wallet, string login, NetMessage m) =>
            m.Kind == WalletProtocol.Deliver ? m.Field(SessionAuth.MacField) is not null : RequestAuthentication.Faithful.Authentic(key, wallet, login, m);
    }

    /// <summary>A wallet that seals the PI to any key-exchange certificate chained to the root, whatever its role and brand.</summary>
    private sealed class AnyKeyExchange : IGatewayKeyCheck
    {
        public ValidatedCert Check(ChainValidator validator, CertChain chain, string brand) =>
            validator.Validate(chain, CertificateIssuer.RoleOf(chain.Leaf) ?? CertRole.GatewayKeyExchange, null, "gateway key-exchange");
    }

    /// <summary>An E8 store of borrowed credentials whose erasure reports success and drops nothing.</summary>
    private sealed class NeverErased : IAcquiredCredentials
    {
        private readonly HashSet<string> held = new(StringComparer.Ordinal);
        public void Hold(string session, CardholderCredential credential) => held.Add(session);
        public bool Erase(string session) => held.Contains(session);
        public int Count => held.Count;
    }

    /// <summary>A party that tells the sender of a refused request the exact cause, concealed or not (the others stay faithful).</summary>
    private sealed class ExactCause(string liar) : IFailureAnswer
    {
        public SetError AnswerFor(SetException e, string party) => party == liar ? e.Error.At(party) : UniformAnswer.Faithful.AnswerFor(e, party);
    }

    /// <summary>A gateway that compares every field of the PI with the AuthReqData but the amount (and currency).</summary>
    private sealed class IgnoresAmount : IAuthReqAgreement
    {
        public void Require(PIHead head, byte[] piHOIData, AuthReqData data) =>
            AuthReqAgreement.Faithful.Require(head with { Amount = data.Amount, Currency = data.Currency }, piHOIData, data);
    }

    /// <summary>A gateway that compares every field of the PI with the AuthReqData but the order's XID and LID-M.</summary>
    private sealed class IgnoresOrder : IAuthReqAgreement
    {
        public void Require(PIHead head, byte[] piHOIData, AuthReqData data) =>
            AuthReqAgreement.Faithful.Require(head with { Xid = data.Xid, LidM = data.LidM }, piHOIData, data);
    }

    private static EmbodimentWorld.Parts World(WorldParts w) => new() { World = w };

    private static (string, Func<CheckContext, EmbodimentWorld.Parts, CheckOutcome>) By<T>(Embodiment e) where T : AttackInvariant
    {
        var inv = AttackChecks.All.OfType<T>().Single();
        return (inv.CheckId, (ctx, p) => AttackChecks.Detect(ctx, inv, e, p));
    }

    private static SeededFault Fault<T>(string id, Embodiment e, string description, string[] violates, EmbodimentWorld.Parts parts) where T : AttackInvariant =>
        new(id, e, description, violates, parts) { Detector = By<T>(e) };

    /// <summary>The seeded attack faults, each with the attack property that must catch it.</summary>
    public static readonly IReadOnlyList<SeededFault> All =
    [
        Fault<SessionAuthAttackInvariant>("FAULT-E1-WALLET-IGNORES-SESSION-MAC", Embodiment.E1,
            "the server wallet takes a session request naming a registered login without checking its MAC: a local process or the network opens a session with a wake-up of its own",
            ["INV-SESSION-AUTH"], World(new WorldParts { SessionAuthentication = new AnyMac() })),
        Fault<CustodyAttackInvariant>("FAULT-E8-MASTER-ACQUIRES-FOR-FORGED-SESSION", Embodiment.E8,
            "the E8 master takes a session request without checking its MAC: a forged wake-up makes it acquire a slave's credential for an order never offered",
            ["INV-CUSTODY", "INV-SESSION-AUTH"], World(new WorldParts { SessionAuthentication = new AnyMac() })),
        Fault<SessionAuthAttackInvariant>("FAULT-E7-MASTER-PROXIES-FORGED-SESSION", Embodiment.E7,
            "the E7 master takes a session request without checking its MAC and proxies it to a slave under its own login: a forged session reaches a slave wallet",
            ["INV-SESSION-AUTH", "INV-PROXY-TRANSPARENT"], World(new WorldParts { SessionAuthentication = new AnyMac() })),
        Fault<SessionAuthAttackInvariant>("FAULT-E2-WALLET-CHECKS-MAC-AT-START-ONLY", Embodiment.E2,
            "the server wallet checks the MAC of a session's start only: whoever sees a session's id and login continues it with a stale MAC",
            ["INV-SESSION-AUTH"], World(new WorldParts { SessionAuthentication = new MacAtStartOnly() })),
        Fault<AgreementAttackInvariant>("FAULT-E1-GATEWAY-REAUTHORIZES-REPLAY", Embodiment.E1,
            "the gateway's ledger never finds an XID: a replayed or duplicated AuthReq is authorized again",
            ["INV-AGREEMENT", "INV-ONCE"], World(new WorldParts { GatewayLedger = _ => new RecoveryFaults.ForgetfulLedger() })),
        Fault<SecrecyAttackInvariant>("FAULT-E5-WALLET-ANY-KEY-EXCHANGE-CERT", Embodiment.E5,
            "the wallet seals the PI to the key-exchange certificate a PInitRes names without checking that it is the gateway's of the order's brand: the merchant names its own and reads the card number",
            ["INV-SECRECY", "INV-CUSTODY"], World(new WorldParts { GatewayKeyCheck = new AnyKeyExchange() })),
        Fault<AgreementAttackInvariant>("FAULT-E2-GATEWAY-XID-CHECK-THEN-ACT", Embodiment.E2,
            "the gateway looks an XID up and records its decision after an asynchronous write: two copies of one AuthReq sent at the same time both find nothing and are both authorized",
            ["INV-AGREEMENT", "INV-ONCE"], World(new WorldParts { GatewayLedger = w => new RecoveryFaults.SplitLedger(w.VirtualTime) })),
        Fault<UniformFailureAttackInvariant>("FAULT-E3-GATEWAY-ANSWERS-CAUSE", Embodiment.E3,
            "the gateway answers a refused AuthReq with the exact cause (envelope does not authenticate, does not parse, signature invalid): a decryption and verification oracle",
            ["INV-UNIFORM-FAILURE"], World(new WorldParts { FailureAnswer = new ExactCause("gateway") })),
        Fault<UniformFailureAttackInvariant>("FAULT-E1-MERCHANT-ANSWERS-CAUSE", Embodiment.E1,
            "the merchant answers a refused PReq with the exact cause (certificate, dual signature, the gateway's refusal): an attacker tells which field the merchant checks from which the gateway does",
            ["INV-UNIFORM-FAILURE"], World(new WorldParts { FailureAnswer = new ExactCause("merchant") })),
        Fault<AgreementAttackInvariant>("FAULT-E4-GATEWAY-IGNORES-AMOUNT", Embodiment.E4,
            "the gateway does not compare the PI's amount with the AuthReqData's: the merchant re-signs an AuthReq for another amount than the cardholder signed and it is authorized",
            ["INV-AGREEMENT"], World(new WorldParts { AuthReqAgreement = new IgnoresAmount() })),
        Fault<AgreementAttackInvariant>("FAULT-E4-GATEWAY-IGNORES-ORDER", Embodiment.E4,
            "the gateway does not compare the PI's XID and LID-M with the AuthReqData's: the merchant re-signs the cardholder's PI under another order and it is authorized",
            ["INV-AGREEMENT"], World(new WorldParts { AuthReqAgreement = new IgnoresOrder() })),
        Fault<CustodyAttackInvariant>("FAULT-E8-MASTER-NEVER-ERASES", Embodiment.E8,
            "the E8 master reports a borrowed credential erased after PRes or a failure but keeps it: a purchase the attacker makes fail leaves the user's credential with the master",
            ["INV-CUSTODY"], new() { AcquiredCredentials = () => new NeverErased() }),
    ];
}
