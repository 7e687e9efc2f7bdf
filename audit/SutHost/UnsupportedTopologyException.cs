namespace MultiWallet.Audit.SutHost;

/// <summary>A topology this host cannot play (another role or embodiment): answered 400 with <c>type: unsupported</c>.</summary>
public sealed class UnsupportedTopologyException(string message) : Exception(message);
