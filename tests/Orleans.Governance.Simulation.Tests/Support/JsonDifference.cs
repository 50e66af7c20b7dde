using System.Text;
using System.Text.Json;

namespace Orleans.Governance.Simulation.Tests.Support;

/// <summary>Where two JSON texts first differ: the line, both versions of it, and the JSON path there (e.g. <c>$.figures.levels.city.utilisation.values[3]</c>).</summary>
public static class JsonDifference
{
    /// <summary>A description of the first difference, or null when the texts are equal.</summary>
    public static string? Describe(string expected, string actual)
    {
        if (string.Equals(expected, actual, StringComparison.Ordinal))
        {
            return null;
        }

        var (e, a) = (expected.Split('\n'), actual.Split('\n'));
        var line = 0;
        while (line < e.Length && line < a.Length && string.Equals(e[line], a[line], StringComparison.Ordinal))
        {
            line++;
        }

        var path = PathAt(expected, line) ?? PathAt(actual, line) ?? "(no JSON path: the text is not valid JSON up to there)";
        return $"""
            first difference at line {line + 1}, {path}
              golden: {Show(e, line)}
              actual: {Show(a, line)}
            """;
    }

    /// <summary>The JSON path of the first token on zero-based <paramref name="line"/> of <paramref name="json"/>, or null if the text is not JSON up to there.</summary>
    public static string? PathAt(string json, int line)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        if (line >= lineStarts.Count)
        {
            return null;
        }

        var from = lineStarts[line];
        var frames = new List<Frame>();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            while (reader.Read())
            {
                var here = reader.TokenStartIndex >= from;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        frames[^1].Name = reader.GetString();
                        if (here)
                        {
                            return Render(frames);
                        }

                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        Element(frames);
                        if (here)
                        {
                            return Render(frames);
                        }

                        frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        if (here)
                        {
                            return Render(frames) + " (its end)";
                        }

                        break;
                    default:
                        Element(frames);
                        if (here)
                        {
                            return Render(frames);
                        }

                        break;
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return "(end of the JSON)";
    }

    private static void Element(List<Frame> frames)
    {
        if (frames.Count > 0 && frames[^1].IsArray)
        {
            frames[^1].Index++;
        }
    }

    private static string Render(List<Frame> frames)
    {
        var path = new StringBuilder("$");
        foreach (var frame in frames)
        {
            if (frame.IsArray && frame.Index >= 0)
            {
                path.Append('[').Append(frame.Index).Append(']');
            }
            else if (!frame.IsArray && frame.Name is not null)
            {
                path.Append('.').Append(frame.Name);
            }
        }

        return path.ToString();
    }

    private static string Show(string[] lines, int line) => line < lines.Length ? $"«{lines[line].TrimStart()}»" : "(end of file)";

    private sealed class Frame(bool isArray)
    {
        public bool IsArray { get; } = isArray;

        public int Index { get; set; } = -1;

        public string? Name { get; set; }
    }
}
