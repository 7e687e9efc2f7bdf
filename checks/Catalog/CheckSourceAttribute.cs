namespace MultiWallet.Checks.Catalog;

/// <summary>
/// Marks a static method <c>IEnumerable&lt;CheckEntry&gt; M()</c> that yields catalog entries built from data
/// (one per canonical trace scenario, say), so a family of checks that differ only in their data is written once.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class CheckSourceAttribute : Attribute;
