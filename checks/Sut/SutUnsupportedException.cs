namespace MultiWallet.Checks.Sut;

/// <summary>The system under test answered 400 <c>unsupported</c> (or 409 for knowledge): the case is not run, not failed.</summary>
public sealed class SutUnsupportedException(string message) : Exception(message);
