namespace MultiWallet.Audit.Scenarios;

/// <summary>
/// The bounds a scenario file must keep. They are far above anything an auditor writes by hand (the largest example
/// file is under 2 KiB, 6 levels deep, 8 steps) and low enough that a hostile or broken file is refused in
/// milliseconds with bounded memory, before any YAML tree or world is built.
/// </summary>
public static class ScenarioLimits
{
    /// <summary>Largest file accepted, in bytes (checked before the file is read).</summary>
    public const int MaxFileBytes = 256 * 1024;

    /// <summary>Deepest nesting of mappings and sequences (the format needs 6).</summary>
    public const int MaxDepth = 12;

    /// <summary>Most YAML events (scalars, collection starts and ends) in one file.</summary>
    public const int MaxEvents = 20_000;

    /// <summary>Longest scalar (a title, a name, a typed address), in characters.</summary>
    public const int MaxScalarLength = 1_000;

    /// <summary>Most server wallets (slaves in E7–E12).</summary>
    public const int MaxWallets = 16;

    /// <summary>Most merchants (each gets its own SET certificates and POS).</summary>
    public const int MaxMerchants = 8;

    /// <summary>Longest merchant id (it names the merchant's certificates and its address).</summary>
    public const int MaxMerchantId = 32;

    /// <summary>Most steps.</summary>
    public const int MaxSteps = 200;

    /// <summary>Most user answers (in total, over the file).</summary>
    public const int MaxAnswers = 200;

    /// <summary>Most items in any other list or table (brands, knowledge entries, offered options).</summary>
    public const int MaxItems = 64;

    /// <summary>Largest amount of a wake-up, in minor units.</summary>
    public const long MaxAmount = 1_000_000_000;
}
