namespace MultiWallet.Impl.Protocol;

/// <summary>
/// What a wallet needs to put questions to the user port: its own name, the user's login there and the key of that login,
/// so the PC can tell the wallet's questions from anybody else's and the wallet the user's answers.
/// </summary>
/// <param name="Wallet">The asking wallet's name.</param>
/// <param name="Login">The user's login at it.</param>
/// <param name="Key">The key of that login.</param>
public sealed record UserPortKey(string Wallet, string Login, byte[] Key);
