namespace MultiWallet.Model.Vocabulary;

/// <summary>
/// What distinguishes one embodiment (SPEC.md §2), as data: the single place the model, generators,
/// invariants, bridge and scenario files learn an embodiment's behaviour from. Everything else reads
/// these traits rather than naming embodiments.
/// </summary>
/// <param name="Embodiment">The embodiment described.</param>
/// <param name="Side">Which part of the system routes.</param>
/// <param name="Knowledge">The kind of knowledge a topology gives it.</param>
/// <param name="Holder">Who holds (or obtains) the knowledge it routes on.</param>
/// <param name="Asks">When it asks the user.</param>
/// <param name="Proxies">The MSW proxies the session to the slave through its virtual WUM.</param>
/// <param name="AcquiresCredential">The MSW acquires the slave's credential and pays itself.</param>
/// <param name="LiveRouting">It routes on brand information read at wake-up time (INV-LIVE).</param>
public sealed record EmbodimentTraits(
    Embodiment Embodiment, EmbodimentSide Side, KnowledgeKind Knowledge, KnowledgeHolder Holder, UserPrompt Asks,
    bool Proxies = false, bool AcquiresCredential = false, bool LiveRouting = false)
{
    private const EmbodimentSide Pc = EmbodimentSide.ClientSelector;
    private const EmbodimentSide Multi = EmbodimentSide.MultiServerWum;
    private const EmbodimentSide Master = EmbodimentSide.MasterSlave;

    /// <summary>The twelve embodiments, in order.</summary>
    public static IReadOnlyList<EmbodimentTraits> All { get; } =
    [
        new(Embodiment.E1, Pc, KnowledgeKind.None, KnowledgeHolder.None, UserPrompt.AtSetUp),
        new(Embodiment.E2, Pc, KnowledgeKind.None, KnowledgeHolder.None, UserPrompt.AtWakeUp),
        new(Embodiment.E3, Pc, KnowledgeKind.BrandTable, KnowledgeHolder.Selector, UserPrompt.Never),
        new(Embodiment.E4, Pc, KnowledgeKind.InstalledWums, KnowledgeHolder.InstalledWums, UserPrompt.Never, LiveRouting: true),
        new(Embodiment.E5, Pc, KnowledgeKind.None, KnowledgeHolder.LiveQuery, UserPrompt.Never, LiveRouting: true),
        new(Embodiment.E6, Multi, KnowledgeKind.None, KnowledgeHolder.LiveQuery, UserPrompt.Never, LiveRouting: true),
        new(Embodiment.E7, Master, KnowledgeKind.BrandTable, KnowledgeHolder.Msw, UserPrompt.Never, Proxies: true),
        new(Embodiment.E8, Master, KnowledgeKind.BrandTable, KnowledgeHolder.Msw, UserPrompt.Never, AcquiresCredential: true),
        new(Embodiment.E9, Master, KnowledgeKind.SswList, KnowledgeHolder.Msw, UserPrompt.AtWakeUp, Proxies: true),
        new(Embodiment.E10, Master, KnowledgeKind.None, KnowledgeHolder.None, UserPrompt.TypedAddress, Proxies: true),
        new(Embodiment.E11, Master, KnowledgeKind.BrandTable, KnowledgeHolder.ClientWum, UserPrompt.Never, Proxies: true),
        new(Embodiment.E12, Master, KnowledgeKind.SswList, KnowledgeHolder.ClientWum, UserPrompt.AtWakeUp, Proxies: true),
    ];

    /// <summary>The traits of one embodiment.</summary>
    public static EmbodimentTraits Of(Embodiment e) => All.Single(t => t.Embodiment == e);

    /// <summary>A master server wallet stands between the client WUM and the slave wallets.</summary>
    public bool IsMasterSlave => Side == EmbodimentSide.MasterSlave;

    /// <summary>
    /// Routes on knowledge, first capable in registration order, passing over unreachable wallets;
    /// otherwise on the user's exclusive pick (or typed address), which has no alternative.
    /// </summary>
    public bool RoutesOnKnowledge => Asks == UserPrompt.Never;

    /// <summary>The routing knowledge is a stored brand table read as it is (no query at wake-up).</summary>
    public bool RoutesOnStaticTable => Knowledge == KnowledgeKind.BrandTable;

    /// <summary>The embodiment's name, e.g. E7.</summary>
    public override string ToString() => Embodiment.ToString();
}
