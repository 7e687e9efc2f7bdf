namespace MultiWallet.Model.Vocabulary;

/// <summary>An order is identified by (merchant id, LID-M) (DECISIONS.md).</summary>
public sealed record OrderId(string Merchant, string LidM)
{
    public override string ToString() => $"{Merchant}/{LidM}";
}
