using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Orleans.Governance.Domain.City;

/// <summary>Reads and writes city files (JSON, documented in docs/city-format.md).</summary>
public static class CityFile
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Parses and validates a city file; throws <see cref="CityFileException"/> naming every problem.</summary>
    public static CityPlan Load(string json, string source) => CityPlan.From(Parse(json, source), source);

    public static CityPlan LoadFile(string path) => CityPlan.From(ParseFile(path), Path.GetFileName(path));

    /// <summary>Parses a city file, reading the calendar its policy names relative to the file.</summary>
    public static CityDefinition ParseFile(string path) =>
        Parse(File.ReadAllText(path), Path.GetFileName(path), Path.GetDirectoryName(Path.GetFullPath(path))!);

    /// <summary>Parses a city; a calendar file its policy names is read relative to <paramref name="directory"/> (default: the working directory).</summary>
    public static CityDefinition Parse(string json, string source, string? directory = null)
    {
        var problems = new List<string>();
        var options = new JsonSerializerOptions(JsonOptions) { Converters = { new WorkingCalendarReference(directory ?? Environment.CurrentDirectory, problems) } };
        try
        {
            var city = JsonSerializer.Deserialize<CityDefinition>(json, options)
                ?? throw new CityFileException(source, ["the file is empty (expected a JSON object)"]);
            return problems.Count == 0 ? city : throw new CityFileException(source, problems);
        }
        catch (UnknownLevelException e)
        {
            throw new CityFileException(source, [$"{UnitNamed(json, e.Path)}: {e.Message}"]);
        }
        catch (JsonException e)
        {
            var where = e.Path is { Length: > 0 } path ? $" at {path}" : "";
            var line = e.LineNumber is { } l ? $" (line {l + 1}, byte {e.BytePositionInLine + 1})" : "";
            throw new CityFileException(source, [$"malformed JSON{where}{line}: {FirstSentence(e.Message)}"]);
        }
    }

    /// <summary>Writes a city compactly: one unit per line, so that diffs of a generated city stay readable.</summary>
    public static string Write(CityDefinition city)
    {
        var compact = new JsonSerializerOptions(JsonOptions) { WriteIndented = false, Converters = { new WorkingCalendarReference("", []) } };
        var units = city.Units.Select(u => "    " + JsonSerializer.Serialize(u, compact));
        return "{\n"
            + $"  \"id\": {JsonSerializer.Serialize(city.Id, compact)},\n"
            + $"  \"name\": {JsonSerializer.Serialize(city.Name, compact)},\n"
            + $"  \"policy\": {JsonSerializer.Serialize(city.Policy, compact)},\n"
            + "  \"units\": [\n" + string.Join(",\n", units) + "\n  ]\n}\n";
    }

    /// <summary>
    /// The unit at <paramref name="path"/> (<c>$.units[3].level</c>) as validation names units:
    /// <c>units[3] 'id'</c>. Read again only for this message, since the reader stopped inside the unit.
    /// </summary>
    private static string UnitNamed(string json, string? path)
    {
        var index = int.Parse(Regex.Match(path ?? "", @"\[(\d+)\]").Groups[1].Value, CultureInfo.InvariantCulture);
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var unit = Property(document.RootElement, "units")[index];
        return CityPlan.NameOf(index, Property(unit, "id").GetString() ?? "");
    }

    /// <summary>A property by its name in any case, as the city's reader matches them.</summary>
    private static JsonElement Property(JsonElement element, string name) =>
        element.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
