namespace MultiWallet.Model; internal static class Placeholder {}
