namespace MultiWallet.Impl.Parties;

/// <summary>Where an order stands at the merchant. Only a verified message moves it forward.</summary>
public enum OrderState { Offered, Initiated, Authorizing, Paid, Declined }
