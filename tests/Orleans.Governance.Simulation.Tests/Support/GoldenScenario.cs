using System.Text.RegularExpressions;
using Orleans.Governance.Simulation.Scenarios;
using YamlDotNet.Serialization;

namespace Orleans.Governance.Simulation.Tests.Support;

/// <summary>
/// Loads a scenario for <see cref="GoldenRunTests"/>: a shipped scenario file as <c>gov-sim run</c>
/// loads it (<see cref="ScenarioReader.LoadFile"/>), or a reduced variant under Golden/. The
/// scenario format has no include, so a reduced variant is a small YAML file that names its
/// <c>base:</c> (relative to itself) and overrides top-level scalar fields of it, e.g.
/// <code>
/// base: ../../../simulation/scenarios/dezhou.yaml
/// horizonDays: 3
/// warmUpDays: 1
/// </code>
/// Each override replaces the base's line <c>field: …</c> (at column 0; appended when the base has
/// none); the rest of the base's text reaches <see cref="ScenarioReader.Parse"/> unchanged, with the
/// base's own path and folder, so its relative city file resolves as it does for the CLI.
/// </summary>
public static class GoldenScenario
{
    public const string BaseKey = "base";

    public static Scenario Load(string path) =>
        IsVariant(path) ? ScenarioReader.Parse(MergedText(path, out var basePath), basePath, Path.GetDirectoryName(basePath)!) : ScenarioReader.LoadFile(path);

    /// <summary>Whether <paramref name="path"/> is a reduced variant (it has a <c>base:</c> line) rather than a whole scenario.</summary>
    public static bool IsVariant(string path) => Regex.IsMatch(File.ReadAllText(path), $"^{BaseKey}:", RegexOptions.Multiline);

    /// <summary>The full path of a variant's base scenario.</summary>
    public static string BaseOf(string path)
    {
        MergedText(path, out var basePath);
        return basePath;
    }

    /// <summary>The base scenario's text with the variant's overrides applied: what <c>gov-sim run</c> would be given as a file.</summary>
    public static string MergedText(string path, out string basePath)
    {
        var overrides = new DeserializerBuilder().Build().Deserialize<Dictionary<string, string>>(File.ReadAllText(path))
            ?? throw new InvalidOperationException($"{path}: empty golden variant");
        if (!overrides.Remove(BaseKey, out var relative))
        {
            throw new InvalidOperationException($"{path}: no '{BaseKey}:' naming the scenario it reduces");
        }

        basePath = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, relative));
        var text = File.ReadAllText(basePath);
        foreach (var (key, value) in overrides)
        {
            var line = new Regex($"^{Regex.Escape(key)}:.*$", RegexOptions.Multiline);
            text = line.IsMatch(text)
                ? line.Replace(text, $"{key}: {value}", 1)
                : text.TrimEnd('\n') + $"\n{key}: {value}\n";
        }

        return text;
    }
}
