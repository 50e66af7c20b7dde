using System.Text.Encodings.Web;
using System.Text.Json;
using MathNet.Numerics.Distributions;
using Orleans.Governance.Simulation.Detection;
using Orleans.Governance.Simulation.Model;
using Orleans.Governance.Simulation.Scenarios;
using Orleans.Governance.Simulation.Statistics;

namespace Orleans.Governance.Simulation.Output;

/// <summary>
/// The --json output (schema in docs/simulator.md): the scenario's settings and every figure as
/// { mean, ci95, values }, nested by its dotted key. Nothing time- or machine-dependent is
/// written, so the same scenario and seed give the same bytes.
/// </summary>
public static class JsonReport
{
    public const string Schema = "orleans-governance-simulation/2";

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
            WriteSurges(json, result.Surges);
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

    /// <summary>Each injected surge as the scenario gave it, with the detector's findings over the replications.</summary>
    private static void WriteSurges(Utf8JsonWriter json, IReadOnlyList<SurgeOutcome> surges)
    {
        json.WriteStartArray("surges");
        foreach (var (surge, detected, delay) in surges)
        {
            json.WriteStartObject();
            json.WriteNumber("fromDay", surge.FromDay);
            json.WriteNumber("toDay", surge.ToDay);
            json.WriteNumber("multiplier", surge.Multiplier);
            WriteNames(json, "types", surge.Types?.Order().Select(ScenarioReader.TypeName));
            WriteNames(json, "units", surge.Units?.Order(StringComparer.Ordinal));
            json.WritePropertyName("detected");
            WriteProportion(json, detected);
            json.WritePropertyName("delayDays");
            WriteFigure(json, delay);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteNames(Utf8JsonWriter json, string name, IEnumerable<string>? names)
    {
        if (names is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartArray(name);
        foreach (var item in names)
        {
            json.WriteStringValue(item);
        }

        json.WriteEndArray();
    }

    /// <summary>A 0/1 figure as a rate: its interval the exact (Clopper–Pearson) one, which stays within 0..1 where Student's t would not.</summary>
    private static void WriteProportion(Utf8JsonWriter json, Figure figure)
    {
        var (hits, runs) = (figure.Values.Count(v => v > 0), figure.Values.Length);
        json.WriteStartObject();
        json.WriteFiniteNumber("mean", figure.Mean);
        json.WriteStartArray("ci95");
        json.WriteNumberValue(hits == 0 ? 0 : Beta.InvCDF(hits, runs - hits + 1, 0.025));
        json.WriteNumberValue(hits == runs ? 1 : Beta.InvCDF(hits + 1, runs - hits, 0.975));
        json.WriteEndArray();
        json.WriteFiniteArray("values", figure.Values);
        json.WriteEndObject();
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
