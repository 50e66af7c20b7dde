using System.Text.Json;

namespace Orleans.Governance.Simulation.Output;

/// <summary>JSON has no NaN or infinity: a figure that could not be computed is written as null.</summary>
public static class FiniteJson
{
    public static void WriteFiniteNumber(this Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    public static void WriteFiniteArray(this Utf8JsonWriter json, string name, IEnumerable<double> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            if (double.IsFinite(value))
            {
                json.WriteNumberValue(value);
            }
            else
            {
                json.WriteNullValue();
            }
        }

        json.WriteEndArray();
    }
}
