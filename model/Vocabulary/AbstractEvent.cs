namespace MultiWallet.Model.Vocabulary;

/// <summary>
/// One line of the abstract trace (DECISIONS.md, "Abstract trace"). <see cref="object.ToString"/> is the
/// stable one-line form conformance compares; records with lists compare element-wise.
/// The order of events per embodiment is documented in docs/MODEL.md.
/// </summary>
public abstract record AbstractEvent
{
    private AbstractEvent() { }

    public sealed record WakeUp(OrderId Order, Brand Brand) : AbstractEvent { public override string ToString() => $"WakeUp({Order}, {Brand})"; }

    public sealed record Offered(IReadOnlyList<string> Options) : AbstractEvent
    {
        public bool Equals(Offered? other) => other is not null && Options.SequenceEqual(other.Options);
        public override int GetHashCode() => string.Join(",", Options).GetHashCode(StringComparison.Ordinal);
        public override string ToString() => $"Offered([{string.Join(", ", Options)}])";
    }

    /// <summary>The user's pick or typed text; null = nothing.</summary>
    public sealed record Chose(string? Option) : AbstractEvent { public override string ToString() => $"Chose({Option ?? "none"})"; }

    /// <summary>A brand query (E4/E5/E6) or a session-open probe that got no answer (Brands null = unreachable).</summary>
    public sealed record Queried(string Wallet, IReadOnlyList<Brand>? Brands) : AbstractEvent
    {
        public bool Equals(Queried? other) => other is not null && Wallet == other.Wallet &&
            (Brands is null ? other.Brands is null : other.Brands is not null && Brands.SequenceEqual(other.Brands));
        public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);
        public override string ToString() => $"Queried({Wallet}, {(Brands is null ? "unreachable" : Vocabulary.Brands.Print(Brands))})";
    }

    /// <summary>The decider (Selector, WUM or MSW) sent the purchase to <paramref name="Wallet"/> for <paramref name="Why"/>.</summary>
    public sealed record Routed(string Decider, string Wallet, string Why) : AbstractEvent { public override string ToString() => $"Routed({Decider}, {Wallet}, \"{Why}\")"; }

    public sealed record ProxyHop(string From, string To) : AbstractEvent { public override string ToString() => $"ProxyHop({From} -> {To})"; }
    public sealed record CredentialReleased(string Ssw, string Msw) : AbstractEvent { public override string ToString() => $"CredentialReleased({Ssw} -> {Msw})"; }
    public sealed record CredentialErased(string Msw) : AbstractEvent { public override string ToString() => $"CredentialErased({Msw})"; }
    public sealed record Msg(MsgKind Kind) : AbstractEvent { public override string ToString() => $"Msg({Kind})"; }

    /// <summary>Always the last event of a wake-up.</summary>
    public sealed record Ended(Outcome Outcome) : AbstractEvent { public override string ToString() => $"Outcome({Outcome})"; }
}
