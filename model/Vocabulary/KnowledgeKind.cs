namespace MultiWallet.Model.Vocabulary;

/// <summary>The shape of an embodiment's routing knowledge (the cases of <see cref="Knowledge"/>).</summary>
public enum KnowledgeKind
{
    /// <summary>Nothing stored: the user decides, or a live query finds out.</summary>
    None,
    /// <summary>Wallet → listed brands.</summary>
    BrandTable,
    /// <summary>Installed WUMs, each carrying its SW's brands.</summary>
    InstalledWums,
    /// <summary>SSW names, brands unknown.</summary>
    SswList,
}
