using System.Collections;
using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Orleans.Governance.Simulation.Scenarios.Yaml;

/// <summary>
/// Stands in for YamlDotNet's scalar deserializer: reads the scalars a scenario has (numbers in the
/// invariant culture, integers, texts, a city shape by name, a single item for a list of texts)
/// and, for any node of the wrong kind, records <c>path: value — expected …</c> and the path as
/// <paramref name="unreadable"/>, and skips it: every such problem is listed at once instead of the
/// first ending the read, and the validation does not call the field missing as well.
/// </summary>
internal sealed class CheckedNodeDeserializer(YamlPathParser path, ICollection<string> problems, ISet<string> unreadable) : INodeDeserializer
{
    public bool Deserialize(IParser parser, Type expectedType, Func<IParser, Type, object?> nestedObjectDeserializer, out object? value, ObjectDeserializer rootDeserializer)
    {
        var type = Nullable.GetUnderlyingType(expectedType) ?? expectedType;
        var expected = Expected(type);
        switch (parser.Current)
        {
            case Scalar scalar when TryConvert(scalar.Value, type, out value):
                parser.MoveNext();
                return true;
            case MappingStart when expected == "a mapping" || type == typeof(CityShapeDto):
            case SequenceStart when expected == "a list":
                value = null;
                return false;
        }

        var found = parser.Current switch
        {
            Scalar scalar => scalar.Value,
            MappingStart => "(a mapping)",
            SequenceStart => "(a list)",
            var other => $"({other?.GetType().Name})",
        };
        unreadable.Add(path.Path);
        problems.Add($"{(path.Path is { Length: > 0 } p ? p : "(root)")}: {found} — expected {expected} (line {parser.Current?.Start.Line}, column {parser.Current?.Start.Column})");
        parser.SkipThisAndNestedEvents();
        value = expectedType.IsValueType ? Activator.CreateInstance(expectedType) : null;
        return true;
    }

    private static string Expected(Type type) =>
        type == typeof(double) ? "a number"
        : type == typeof(int) || type == typeof(long) ? "an integer"
        : type == typeof(string) ? "a text"
        : type == typeof(CityShapeDto) ? "sample, dezhou or a mapping of counts"
        : typeof(IEnumerable).IsAssignableFrom(type) && !typeof(IDictionary).IsAssignableFrom(type) ? "a list"
        : "a mapping";

    private static bool TryConvert(string text, Type type, out object? value)
    {
        value = null;
        if (type == typeof(string))
        {
            value = text;
        }
        else if (type == typeof(List<string>))
        {
            value = new List<string> { text };
        }
        else if (type == typeof(CityShapeDto))
        {
            value = new CityShapeDto { Named = text };
        }
        else if (type == typeof(double) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            value = number;
        }
        else if (type == typeof(long) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer))
        {
            value = integer;
        }
        else if (type == typeof(int) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var small))
        {
            value = small;
        }

        return value is not null;
    }
}
