using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Orleans.Governance.Simulation.Scenarios.Yaml;

/// <summary>Reads <see cref="StaffingDto"/>: a count under each level key, a mapping of counts under <c>centres</c>.</summary>
internal sealed class StaffingNodeDeserializer : INodeDeserializer
{
    public bool Deserialize(IParser parser, Type expectedType, Func<IParser, Type, object?> nestedObjectDeserializer, out object? value, ObjectDeserializer rootDeserializer)
    {
        value = null;
        if (expectedType != typeof(StaffingDto) || !parser.TryConsume<MappingStart>(out _))
        {
            return false;
        }

        var staffing = new StaffingDto();
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var key = parser.Consume<Scalar>().Value;
            if (key == StaffingDto.CentresKey)
            {
                staffing.Centres = (Dictionary<string, int?>?)nestedObjectDeserializer(parser, typeof(Dictionary<string, int?>));
            }
            else
            {
                staffing.Levels[key] = (int?)nestedObjectDeserializer(parser, typeof(int?));
            }
        }

        value = staffing;
        return true;
    }
}
