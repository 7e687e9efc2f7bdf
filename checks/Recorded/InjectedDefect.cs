namespace MultiWallet.Checks.Recorded;

/// <summary>A defect <see cref="DefectInjector"/> writes into an honest recorded trace, and the requirement it breaks.</summary>
public enum InjectedDefect
{
    /// <summary>A selector's route (E3–E6) sent to a wallet the knowledge does not list for the brand, which then "pays": INV-ROUTE-SOUND.</summary>
    WrongRoute,

    /// <summary>The gateway's authorization of an order recorded twice: INV-ONCE.</summary>
    SecondAuthorization,

    /// <summary>E8's master never erases the credential it acquired (the CredentialErased line removed): INV-CUSTODY.</summary>
    CredentialKept,

    /// <summary>E9/E12: the offer lists a wallet the SSW information does not (one that cannot pay the brand): INV-OFFER.</summary>
    OfferCannotPay,

    /// <summary>A byte of a recorded PReq's dual signature flipped (body and digest rewritten): INV-DUAL-SIG.</summary>
    BadDualSignature,
}
