using System.Globalization;
using System.Reflection;
using Spectre.Console.Cli;

namespace MultiWallet.Audit;

/// <summary>
/// Checks the values of numeric options before Spectre binds them, so a bad value is named with its option
/// (<c>--seed: 'abc' is not an integer</c>) instead of Spectre's "Failed to convert 'abc' to Nullable`1". Every verb's
/// numeric options are found by reflection over its settings type, so a new option is covered without a list to keep.
/// </summary>
public static class OptionValues
{
    /// <summary>The first bad numeric option value in <paramref name="args"/> for the verb they name, or null when every one parses.</summary>
    /// <param name="args">The command line, verb first.</param>
    /// <param name="verbs">Each verb's name and its settings type.</param>
    public static string? FirstError(IReadOnlyList<string> args, IReadOnlyDictionary<string, Type> verbs)
    {
        if (args.Count == 0 || !verbs.TryGetValue(args[0], out var settings)) return null;
        var options = Options(settings);
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal)) continue;
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var name = eq > 0 ? arg[..eq] : arg;
            if (!options.TryGetValue(name, out var type)) continue;
            string? value = eq > 0 ? arg[(eq + 1)..] : i + 1 < args.Count && !IsOption(args[i + 1]) ? args[++i] : null;
            if (value is null) return $"{name}: needs a value ({Expected(type)})";
            if (Problem(value, type) is { } problem) return $"{name}: '{value}' {problem}";
        }
        return null;
    }

    // "-5" is a value (a negative number), "--x" or "-x" an option.
    private static bool IsOption(string s) => s.StartsWith('-') && !(s.Length > 1 && (char.IsAsciiDigit(s[1]) || s[1] == '.'));

    private static Dictionary<string, Type> Options(Type settings)
    {
        var map = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var p in settings.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (p.GetCustomAttribute<CommandOptionAttribute>() is not { } o) continue;
            var type = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
            if (type != typeof(int) && type != typeof(long) && type != typeof(double) && !type.IsEnum) continue;
            foreach (var n in o.LongNames) map["--" + n] = type;
        }
        return map;
    }

    private static string Expected(Type type) =>
        type == typeof(double) ? "a number" : type.IsEnum ? "one of " + string.Join(", ", Enum.GetNames(type).Select(n => n.ToLowerInvariant())) : "an integer";

    private static string? Problem(string value, Type type)
    {
        const NumberStyles integer = NumberStyles.AllowLeadingSign;
        if (type == typeof(int))
            return int.TryParse(value, integer, CultureInfo.InvariantCulture, out _) ? null
                : long.TryParse(value, integer, CultureInfo.InvariantCulture, out _) ? $"is out of range (an integer from {int.MinValue} to {int.MaxValue})" : "is not an integer";
        if (type == typeof(long))
            return long.TryParse(value, integer, CultureInfo.InvariantCulture, out _) ? null : "is not an integer";
        if (type == typeof(double))
            return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? null : "is not a number";
        return Enum.GetNames(type).Any(n => n.Equals(value, StringComparison.OrdinalIgnoreCase)) ? null : $"is not {Expected(type)}";
    }
}
