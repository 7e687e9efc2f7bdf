namespace MultiWallet.Impl; internal static class Placeholder {}
