using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;
using YamlDotNet.Serialization.NodeDeserializers;

namespace Orleans.Governance.Simulation.Scenarios.Yaml;

/// <summary>Deserialises a scenario's text (YAML, or JSON) into a <see cref="ScenarioDto"/>, listing every field it cannot read.</summary>
internal static class ScenarioYaml
{
    /// <summary>
    /// The file as written; null when it is empty or malformed. An unknown field or a value of the
    /// wrong kind is added to <paramref name="problems"/> and left out (the path of a value left out
    /// to <paramref name="unreadable"/>), and the rest of the file is read.
    /// </summary>
    public static ScenarioDto? Read(string text, List<string> problems, ISet<string> unreadable)
    {
        var parser = new YamlPathParser(new Parser(new StringReader(text)));
        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(CamelCaseNamingConvention.Instance)
            .WithTypeInspector(inner => new UnknownFieldInspector(inner, parser, problems))
            .WithNodeDeserializer(new CheckedNodeDeserializer(parser, problems, unreadable), s => s.InsteadOf<ScalarNodeDeserializer>())
            .WithNodeDeserializer(new StaffingNodeDeserializer(), s => s.OnTop())
            .Build();
        try
        {
            return deserializer.Deserialize<ScenarioDto?>(parser);
        }
        catch (YamlException e)
        {
            // What was read before the syntax error may be its artefact (an unclosed list): only the error is said.
            problems.Clear();
            problems.Add($"malformed YAML at line {e.Start.Line}, column {e.Start.Column}: {e.InnerException?.Message ?? e.Message}");
            return null;
        }
    }
}
