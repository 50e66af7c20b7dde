using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Orleans.Governance.Simulation.Scenarios.Yaml;

/// <summary>
/// Refuses a field the DTO does not have as YamlDotNet does by default, but records
/// <c>path: unknown field — expected one of …</c> and skips its value instead of ending the read,
/// so that a typo is listed with every other problem of the file.
/// </summary>
internal sealed class UnknownFieldInspector(ITypeInspector inner, YamlPathParser path, ICollection<string> problems) : ITypeInspector
{
    public IEnumerable<IPropertyDescriptor> GetProperties(Type type, object? container) => inner.GetProperties(type, container);

    public IPropertyDescriptor GetProperty(Type type, object? container, string name, bool ignoreUnmatched, bool caseInsensitivePropertyMatching)
    {
        if (inner.GetProperty(type, container, name, ignoreUnmatched: true, caseInsensitivePropertyMatching) is { } property)
        {
            return property;
        }

        Mark at = path.KeyStart;
        problems.Add($"{path.Path}: unknown field — expected one of {string.Join(", ", GetProperties(type, container).Select(p => p.Name))} (line {at.Line}, column {at.Column})");
        return null!; // YamlDotNet skips the value of a field it gets no property for
    }

    public string GetEnumName(Type enumType, string name) => inner.GetEnumName(enumType, name);

    public string GetEnumValue(object enumValue) => inner.GetEnumValue(enumValue);

    public bool HasParseMethod(Type type) => inner.HasParseMethod(type);

    public object? Parse(string value, Type type) => inner.Parse(value, type);
}
