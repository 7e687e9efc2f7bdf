namespace MultiWallet.Checks.Attacks;

/// <summary>Where the attacker sits (docs/THREATS.md, "Attacker positions"): four network links and four parties.</summary>
public enum AttackPosition
{
    /// <summary>N-PC: the links between the user PC and its wallet(s), user-port questions included.</summary>
    NetworkPc,
    /// <summary>N-SLAVE: the link between the master and the slave wallets (proxied sessions, custody).</summary>
    NetworkSlave,
    /// <summary>N-MERCHANT: the link between the relaying client and the merchant.</summary>
    NetworkMerchant,
    /// <summary>N-GATEWAY: the link between the merchant and the gateway.</summary>
    NetworkGateway,
    /// <summary>LOCAL: a rogue process on the user's PC: sees nothing of other processes, may open sessions from the PC.</summary>
    Local,
    /// <summary>MERCHANT: a malicious merchant holding the merchant's keys.</summary>
    Merchant,
    /// <summary>MSW: the master server wallet as a curious or malicious proxy, holding its own keys and credentials.</summary>
    Master,
    /// <summary>SSW: a compromised wallet (the first of the topology), holding its keys and credentials.</summary>
    Slave,
}
