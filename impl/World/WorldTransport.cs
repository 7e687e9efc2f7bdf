using MultiWallet.Impl.Client;
using MultiWallet.Impl.Crypto;
using MultiWallet.Impl.Network;
using MultiWallet.Impl.Network.Http;
using MultiWallet.Impl.Parties;
using MultiWallet.Impl.Server;
using Org.BouncyCastle.Security;

namespace MultiWallet.Impl.World;

/// <summary>Which network a <see cref="PaymentWorld"/> runs on.</summary>
public enum WorldTransport { InMemory, Http }
