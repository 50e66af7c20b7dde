using System.Text.Encodings.Web;
using System.Text.Json;
using Orleans.Governance.Simulation.Model;
using Orleans.Governance.Simulation.Statistics;

namespace Orleans.Governance.Simulation.Output;

/// <summary>
/// The --json output (schema in docs/simulator.md): the scenario's settings and every figure as
/// { mean, ci95, values }, nested by its dotted key. Nothing time- or machine-dependent is
/// written, so the same scenario and seed give the same bytes.
/// </summary>
public static class JsonReport
{
    public const string Schema = "orleans-governance-simulation/1";

    public static string Render(SimulationResult result)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            var scenario = result.Scenario;
            json.WriteStartObject();
            json.WriteString("schema", Schema);
            json.WriteStartObject("scenario");
            json.WriteString("name", scenario.Name);
            json.WriteString("city", scenario.City.Id);
            json.WriteNumber("seed", scenario.Seed);
            json.WriteNumber("replications", result.Runs.Count);
            json.WriteNumber("horizonDays", scenario.HorizonDays);
            json.WriteNumber("warmUpDays", scenario.WarmUpDays);
            json.WriteString("startDate", scenario.StartDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteEndObject();
            json.WriteStartObject("figures");
            WriteTree(json, result.Figures, 0, result.Figures.Count, 0);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    public static void Write(SimulationResult result, string path) => File.WriteAllText(path, Render(result));

    /// <summary>Writes figures [from, to) that share their first <paramref name="depth"/> key segments, grouping on the next one.</summary>
    private static void WriteTree(Utf8JsonWriter json, IReadOnlyList<Figure> figures, int from, int to, int depth)
    {
        var i = from;
        while (i < to)
        {
            var segments = figures[i].Key.Split('.');
            var name = segments[depth];
            if (segments.Length == depth + 1)
            {
                json.WritePropertyName(name);
                WriteFigure(json, figures[i]);
                i++;
                continue;
            }

            var end = i;
            while (end < to && Segment(figures[end].Key, depth) == name)
            {
                end++;
            }

            json.WriteStartObject(name);
            WriteTree(json, figures, i, end, depth + 1);
            json.WriteEndObject();
            i = end;
        }
    }

    private static void WriteFigure(Utf8JsonWriter json, Figure figure)
    {
        json.WriteStartObject();
        json.WriteFiniteNumber("mean", figure.Mean);
        var half = figure.HalfWidth;
        if (double.IsFinite(half))
        {
            json.WriteStartArray("ci95");
            json.WriteNumberValue(figure.Mean - half);
            json.WriteNumberValue(figure.Mean + half);
            json.WriteEndArray();
        }
        else
        {
            json.WriteNull("ci95");
        }

        json.WriteFiniteArray("values", figure.Values);
        json.WriteEndObject();
    }

    private static string Segment(string key, int depth)
    {
        var segments = key.Split('.');
        return segments.Length > depth ? segments[depth] : "";
    }
}
