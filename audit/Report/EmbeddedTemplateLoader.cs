using System.Reflection;
using System.Text;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace MultiWallet.Audit.Report;

/// <summary>Lets a report template <c>include</c> another template embedded beside it (Report/*.sbn as MultiWallet.Audit.Report.NAME).</summary>
public sealed class EmbeddedTemplateLoader : ITemplateLoader
{
    /// <summary>The manifest resource name of the embedded template <paramref name="name"/>.</summary>
    public static string ResourceName(string name) => $"MultiWallet.Audit.Report.{name}";

    /// <summary>The text of the embedded resource <paramref name="resourceName"/>.</summary>
    public static string Read(string resourceName)
    {
        using var s = Assembly.GetExecutingAssembly().GetManifestResourceStream(resourceName)
                      ?? throw new InvalidOperationException($"embedded resource {resourceName} missing");
        using var r = new StreamReader(s, Encoding.UTF8);
        return r.ReadToEnd();
    }

    /// <inheritdoc />
    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) => ResourceName(templateName);

    /// <inheritdoc />
    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) => Read(templatePath);

    /// <inheritdoc />
    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) => ValueTask.FromResult<string?>(Read(templatePath));
}
