namespace MultiWallet.Model.Vocabulary;

/// <summary>Who holds (or obtains) the knowledge an embodiment routes on.</summary>
public enum KnowledgeHolder
{
    /// <summary>Nobody: the user's answer alone decides.</summary>
    None,
    /// <summary>The selector on the user PC keeps a table.</summary>
    Selector,
    /// <summary>The installed WUMs carry their SWs' brand information.</summary>
    InstalledWums,
    /// <summary>The server wallets are asked at each wake-up.</summary>
    LiveQuery,
    /// <summary>The master server wallet keeps it.</summary>
    Msw,
    /// <summary>The client WUM sends it to the MSW with each wake-up.</summary>
    ClientWum,
}
