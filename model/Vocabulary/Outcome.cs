namespace MultiWallet.Model.Vocabulary;

/// <summary>The observable result of one wake-up.</summary>
public abstract record Outcome
{
    private Outcome() { }

    /// <summary>The purchase completed; <paramref name="Wallet"/> is the wallet that signed (MSW in E8).</summary>
    public sealed record Paid(string Wallet, Brand Brand) : Outcome { public override string ToString() => $"Paid({Wallet}, {Brand})"; }

    /// <summary>Refused; <paramref name="Wallet"/> names the wallet the reason is about, when there is one.</summary>
    public sealed record Refused(Reason Reason, string? Wallet = null) : Outcome
    {
        public override string ToString() => Wallet is null ? $"Refused({Reason})" : $"Refused({Reason}, {Wallet})";
    }
}
