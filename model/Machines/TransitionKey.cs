namespace MultiWallet.Model.Machines;

/// <summary>One declared transition of a machine, as GetInfo() reports it.</summary>
public sealed record TransitionKey(string Machine, string Source, string Trigger, string Destination)
{
    public override string ToString() => $"{Machine}: {Source} --{Trigger}--> {Destination}";
}
