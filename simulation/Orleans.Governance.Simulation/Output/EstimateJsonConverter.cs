using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Governance.Simulation.Statistics;

namespace Orleans.Governance.Simulation.Output;

/// <summary>An estimate as the run JSON's leaf: <c>{ "mean", "ci95": [low, high] | null, "values" }</c>, null for what could not be computed. Written only.</summary>
public sealed class EstimateJsonConverter : JsonConverter<Estimate>
{
    public override Estimate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException("The run JSON is written, not read.");

    public override void Write(Utf8JsonWriter writer, Estimate value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteFiniteNumber("mean", value.Mean);
        var half = value.HalfWidth;
        if (double.IsFinite(half))
        {
            writer.WriteStartArray("ci95");
            writer.WriteNumberValue(value.Mean - half);
            writer.WriteNumberValue(value.Mean + half);
            writer.WriteEndArray();
        }
        else
        {
            writer.WriteNull("ci95");
        }

        writer.WriteFiniteArray("values", value.Values);
        writer.WriteEndObject();
    }
}
