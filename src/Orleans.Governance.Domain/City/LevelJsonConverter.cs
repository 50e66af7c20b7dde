using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Domain.City;

/// <summary>A unit's level in a city file (or a key of the simulator's figures per level): its key, read in any case; a number or an unknown word is refused (<see cref="CityFile"/> names the unit).</summary>
public sealed class LevelJsonConverter : JsonConverter<Level>
{
    public override Level Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException();
        }

        var text = reader.GetString();
        return LevelNames.TryParse(text, out var level, ignoreCase: true) ? level : throw new UnknownLevelException(text ?? "");
    }

    public override void Write(Utf8JsonWriter writer, Level value, JsonSerializerOptions options) => writer.WriteStringValue(LevelNames.Key(value));

    /// <summary>A level as a key of an object, as the simulator's JSON writes its figures per level.</summary>
    public override void WriteAsPropertyName(Utf8JsonWriter writer, Level value, JsonSerializerOptions options) => writer.WritePropertyName(LevelNames.Key(value));
}
