namespace MultiWallet.Impl.Client.User;

/// <summary>
/// The person at the PC, as an explicit party: whatever the system asks (pick a wallet, type an
/// address) goes through here, so tests and the audit command can script it and the trace can show
/// what was offered and what was answered. There are no hidden defaults.
/// </summary>
public interface IUser
{
    /// <summary>Pick one of <paramref name="options"/> (or anything else, or nothing: null).</summary>
    string? Choose(string question, IReadOnlyList<string> options);

    /// <summary>Type a network address (or nothing: null).</summary>
    string? TypeAddress(string question);
}
