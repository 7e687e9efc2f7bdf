namespace MultiWallet.Model.Vocabulary;

/// <summary>Where an embodiment routes: which part of the system decides the paying wallet.</summary>
public enum EmbodimentSide
{
    /// <summary>A selector on the user PC picks one of several WUMs.</summary>
    ClientSelector,
    /// <summary>One WUM on the user PC connects to several server wallets.</summary>
    MultiServerWum,
    /// <summary>A master server wallet stands between the client WUM and its slaves.</summary>
    MasterSlave,
}
