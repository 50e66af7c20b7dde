using System.Text.Encodings.Web;
using System.Text.Json;
using MathNet.Numerics.Distributions;
using Orleans.Governance.Simulation.Detection;
using Orleans.Governance.Simulation.Model;
using Orleans.Governance.Simulation.Scenarios;
using Orleans.Governance.Simulation.Statistics;

namespace Orleans.Governance.Simulation.Output;

/// <summary>
/// The --json output (schema in docs/simulator.md): the scenario's settings, the figures
/// (<see cref="Figures{T}"/> of <see cref="Estimate"/>s, written by <see cref="FigureJsonContext"/>)
/// and the surges. Nothing time- or machine-dependent is written, so the same scenario and seed
/// give the same bytes.
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
            json.WritePropertyName("figures");
            JsonSerializer.Serialize(json, result.Figures, FigureJsonContext.Default.FiguresEstimate);
            WriteSurges(json, result.Surges);
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    public static void Write(SimulationResult result, string path) => File.WriteAllText(path, Render(result));

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
            JsonSerializer.Serialize(json, delay, FigureJsonContext.Default.Estimate);
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
    private static void WriteProportion(Utf8JsonWriter json, Estimate figure)
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
}
