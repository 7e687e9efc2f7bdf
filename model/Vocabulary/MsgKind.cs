namespace MultiWallet.Model.Vocabulary;

/// <summary>SET message kinds at the level the model sees them.</summary>
public enum MsgKind { PInitReq, PInitRes, PReq, AuthReq, AuthRes, PRes }
