namespace MultiWallet.Model.Machines;

/// <summary>
/// A named, deliberate fault in the model: it changes exactly one guard or transition. Mutation testing
/// uses it to show that conformance checking notices when model and implementation disagree.
/// </summary>
public sealed record Perturbation(string Name, string Changes)
{
    /// <summary>E3: the selector takes the first wallet of its table whatever brands it lists.</summary>
    public static readonly Perturbation E3SelectorIgnoresBrand = new("E3 selector ignores brand", "Selector Routing --Probe--> Dispatched: guard 'table lists the brand' reads 'table lists any brand'");
    /// <summary>E8: after paying with the acquired credential the MSW goes to Done without erasing it.</summary>
    public static readonly Perturbation MswSkipsErase = new("MSW skips erase", "MasterServerWallet Paying --Finish--> Done instead of Erased");
    /// <summary>The entry point forgets accepted orders, so a replay is paid twice.</summary>
    public static readonly Perturbation ReplayUndetected = new("replay undetected", "EntryPoint Checking --Check--> RefusedReplay: guard 'order already accepted' is never true");
    /// <summary>The gateway accepts tampered payment instructions.</summary>
    public static readonly Perturbation GatewayIgnoresPiTamper = new("gateway ignores PI tamper", "SetPurchase Authorizing --GatewayVerify--> RejectedByGateway is never taken");
    /// <summary>E7–E12: the MSW never pays itself, always looks for a slave.</summary>
    public static readonly Perturbation MswIgnoresOwnBrand = new("MSW ignores own brand", "MasterServerWallet Received --Resolve--> PayingItself: guard 'MSW holds the brand' is never true");
    /// <summary>E3–E8/E11: an unreachable capable wallet ends the purchase instead of being skipped.</summary>
    public static readonly Perturbation NoSkipOnUnreachable = new("unreachable not skipped", "routing --Probe--> skip 'lists the brand but does not answer' goes to NoCapable instead");

    public static IReadOnlyList<Perturbation> All { get; } =
        [E3SelectorIgnoresBrand, MswSkipsErase, ReplayUndetected, GatewayIgnoresPiTamper, MswIgnoresOwnBrand, NoSkipOnUnreachable];

    public override string ToString() => Name;
}
