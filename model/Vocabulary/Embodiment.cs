namespace MultiWallet.Model.Vocabulary;

/// <summary>The patent's twelve embodiments (SPEC.md §2); <see cref="EmbodimentTraits"/> says what each one does.</summary>
public enum Embodiment { E1 = 1, E2, E3, E4, E5, E6, E7, E8, E9, E10, E11, E12 }
