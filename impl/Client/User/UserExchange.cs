namespace MultiWallet.Impl.Client.User;

/// <summary>One question put to the user: what was offered and what the user answered.</summary>
public sealed record UserExchange(string Question, IReadOnlyList<string> Options, string? Answer);
