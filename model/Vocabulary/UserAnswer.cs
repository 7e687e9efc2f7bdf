namespace MultiWallet.Model.Vocabulary;

/// <summary>What the user answers when an embodiment asks (E2, E9, E12 pick; E10 types an address).</summary>
public abstract record UserAnswer
{
    private UserAnswer() { }

    public sealed record Pick(string Name) : UserAnswer { public override string ToString() => $"Pick({Name})"; }
    public sealed record PickNothing : UserAnswer { public override string ToString() => "PickNothing"; }
    public sealed record TypeAddress(string Text) : UserAnswer { public override string ToString() => $"TypeAddress({Text})"; }

    public static readonly UserAnswer Nothing = new PickNothing();

    /// <summary>
    /// The text the user gave, or null for nothing. A pick and a typed text are the same user act seen
    /// by a prompt: a picker reads a typed text as the name picked, an address prompt reads a pick as the
    /// text typed (so "SSW-2" typed without scheme is a malformed address).
    /// </summary>
    public string? Given => this switch
    {
        Pick p => p.Name,
        TypeAddress t => string.IsNullOrEmpty(t.Text) ? null : t.Text,
        _ => null,
    };
}
