namespace MultiWallet.Model.Vocabulary;

/// <summary>SET message kinds at the level the model sees them; the inquiry and reversal kinds appear only under faults.</summary>
public enum MsgKind { PInitReq, PInitRes, PReq, AuthReq, AuthRes, PRes, InqReq, InqRes, AuthInqReq, AuthInqRes, AuthRevReq, AuthRevRes }
