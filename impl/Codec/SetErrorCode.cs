namespace MultiWallet.Impl.Codec;

/// <summary>Typed reasons a SET message is rejected. The cause string says exactly what failed where.</summary>
public enum SetErrorCode
{
    /// <summary>Bytes do not parse, are truncated, not canonical, or a field is missing/out of range.</summary>
    Malformed,
    /// <summary>A signature (message, dual or certificate) does not verify.</summary>
    BadSignature,
    /// <summary>The chain does not lead to the trusted root (unknown CA).</summary>
    UnknownIssuer,
    /// <summary>A certificate in the chain is outside its validity period at the receiver's clock.</summary>
    Expired,
    /// <summary>A certificate has the wrong role, key usage or shape.</summary>
    BadCertificate,
    /// <summary>The certificate's brand differs from the order's brand.</summary>
    WrongBrand,
    /// <summary>Challenge, XID, LID-M, amount or a hash differs from what the receiver expects.</summary>
    Mismatch,
    /// <summary>The message refers to an order/transaction the receiver does not know.</summary>
    UnknownOrder,
    /// <summary>A second PInitReq for an initiated order, a replayed PReq, a second AuthReq for an XID.</summary>
    Replay,
    /// <summary>The digital envelope could not be opened.</summary>
    Decryption,
    /// <summary>The gateway declined the authorization.</summary>
    Declined,
    /// <summary>
    /// The one answer to every failure of an envelope, a signature, a certificate chain or a signed field
    /// (<see cref="UniformFailure"/>): the sender learns that the request was refused, never which check refused it.
    /// </summary>
    Rejected,
}
