namespace MultiWallet.Model.Vocabulary;

/// <summary>The patent's twelve embodiments (SPEC.md §2). E1–E6 route on the user PC, E7–E12 behind a master server wallet.</summary>
public enum Embodiment { E1 = 1, E2, E3, E4, E5, E6, E7, E8, E9, E10, E11, E12 }

public static class EmbodimentFacts
{
    /// <summary>E7–E12 put a master server wallet (MSW) between the client WUM and the slave wallets.</summary>
    public static bool IsMasterSlave(this Embodiment e) => e >= Embodiment.E7;
}
