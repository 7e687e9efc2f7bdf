namespace MultiWallet.Checks.Recorded;

/// <summary>One line of a witness: where it is in the file and what it says.</summary>
public sealed record WitnessEvent(int Line, string Text)
{
    /// <summary>"line N: text".</summary>
    public override string ToString() => $"line {Line}: {Text}";
}
