namespace MultiWallet.Checks.Attacks;

/// <summary>A wallet-protocol request the attacker sent on its own (a session it raced, hijacked or forged) and the answer it got.</summary>
/// <param name="Kind">The event that sent it.</param>
/// <param name="Request">The wallet-protocol kind sent (Start or Deliver).</param>
/// <param name="Session">The session id it used.</param>
/// <param name="To">The wallet it went to.</param>
/// <param name="Answer">The answer's kind, or the network failure.</param>
/// <param name="Copy">The request was the user's own, byte for byte (a raced replay): the wallet acts on it once, as the user's (S1).</param>
public sealed record SessionAttempt(AttackKind Kind, string Request, string Session, string To, string Answer, bool Copy = false);
