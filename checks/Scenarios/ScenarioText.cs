using System.Buffers;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace MultiWallet.Audit.Scenarios;

/// <summary>
/// The checks a scenario file passes before it is parsed into a tree: its size, strict UTF-8, and a scan of the YAML
/// event stream (iterative, so a file nested 50,000 deep costs a few events, not a stack overflow) bounding depth,
/// event count and scalar length and refusing anchors and aliases (the format needs none, and they let a small file
/// expand). Every refusal is a <see cref="ScenarioException"/> naming the file and the line.
/// </summary>
public static class ScenarioText
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file's text, at most <see cref="ScenarioLimits.MaxFileBytes"/> bytes of valid UTF-8 (a leading BOM is dropped).</summary>
    public static string Read(string path)
    {
        byte[] bytes;
        try
        {
            using var f = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (f.Length > ScenarioLimits.MaxFileBytes)
                throw new ScenarioException(path, 0, "", $"file is {f.Length} bytes; the limit is {ScenarioLimits.MaxFileBytes}");
            bytes = new byte[f.Length];
            f.ReadExactly(bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ScenarioException(path, 0, "", $"cannot read: {e.Message}");
        }
        return Decode(bytes, path);
    }

    /// <summary>The bytes as strict UTF-8; the first invalid sequence is named by its byte offset and line.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string file)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        var at = 0;
        var line = 1;
        while (at < bytes.Length)
        {
            var status = Rune.DecodeFromUtf8(bytes[at..], out var rune, out var used);
            if (status != OperationStatus.Done)
                throw new ScenarioException(file, line, "", $"not UTF-8: invalid byte 0x{bytes[at]:X2} at byte offset {at}");
            if (rune.Value == '\n') line++;
            at += used;
        }
        return Strict.GetString(bytes);
    }

    /// <summary>Scans the YAML events of <paramref name="text"/> against the limits and the YAML syntax.</summary>
    public static void Scan(string text, string file)
    {
        var parser = new Parser(new StringReader(text));
        var depth = 0;
        var events = 0;
        try
        {
            while (parser.MoveNext())
            {
                var e = parser.Current!;
                var line = e.Start.Line;
                if (++events > ScenarioLimits.MaxEvents)
                    throw new ScenarioException(file, line, "", $"more than {ScenarioLimits.MaxEvents} YAML nodes");
                if (e is NodeEvent { Anchor.IsEmpty: false } n)
                    throw new ScenarioException(file, line, "", $"anchor '&{n.Anchor}': anchors and aliases are not part of the format");
                switch (e)
                {
                    case AnchorAlias a:
                        throw new ScenarioException(file, line, "", $"alias '*{a.Value}': anchors and aliases are not part of the format");
                    case MappingStart or SequenceStart when ++depth > ScenarioLimits.MaxDepth:
                        throw new ScenarioException(file, line, "", $"nested more than {ScenarioLimits.MaxDepth} levels deep");
                    case MappingEnd or SequenceEnd:
                        depth--;
                        break;
                    case Scalar s when s.Value.Length > ScenarioLimits.MaxScalarLength:
                        throw new ScenarioException(file, line, "", $"a value of {s.Value.Length} characters; the limit is {ScenarioLimits.MaxScalarLength}");
                }
            }
        }
        catch (YamlException e) { throw new ScenarioException(file, e.Start.Line, "", $"YAML error: {(e.InnerException is YamlException i ? i.Message : e.Message)}"); }
        // YamlDotNet's scanner throws this, without a position, on some unterminated flow collections.
        catch (InvalidOperationException) { throw new ScenarioException(file, parser.Current?.Start.Line ?? 0, "", "YAML error: unexpected end of a flow collection ('[' or '{' not closed?)"); }
        catch (ArgumentException e) { throw new ScenarioException(file, parser.Current?.Start.Line ?? 0, "", $"YAML error: {e.Message}"); }
    }
}
