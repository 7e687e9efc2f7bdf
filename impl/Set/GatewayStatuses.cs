using MultiWallet.Impl.Codec;

namespace MultiWallet.Impl.Set;

/// <summary>Strict parsing of a <see cref="GatewayStatus"/> field.</summary>
public static class GatewayStatuses
{
    /// <summary>The status named exactly <paramref name="s"/>, else a typed Malformed error naming <paramref name="kind"/>.</summary>
    public static GatewayStatus Parse(string s, string kind) =>
        Enum.TryParse<GatewayStatus>(s, out var status) && Enum.IsDefined(status) && s == status.ToString()
            ? status
            : throw new SetException(SetErrorCode.Malformed, $"{kind}: field status is not a known status");
}
