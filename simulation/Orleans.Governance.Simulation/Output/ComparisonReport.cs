using System.Globalization;
using System.Linq.Expressions;
using System.Text.Encodings.Web;
using System.Text.Json;
using Orleans.Governance.Simulation.Planning;
using Orleans.Governance.Simulation.Statistics;
using Spectre.Console;

namespace Orleans.Governance.Simulation.Output;

/// <summary>The outputs of <c>compare</c>: a console table of the key figures and the --json of every figure (schema in docs/simulator.md).</summary>
public static class ComparisonReport
{
    public const string Schema = "orleans-governance-comparison/1";

    private static readonly FigureDescriptor<Figures<Estimate>>[] s_totals =
    [
        FigureTable.Total(t => t.CasesCreated), FigureTable.Total(t => t.CasesClosed), FigureTable.Total(t => t.ClosedWithinDeadlineShare),
        FigureTable.Total(t => t.TimeToCloseDays.Mean), FigureTable.Total(t => t.TimeToCloseDays.P95), FigureTable.Total(t => t.Overdue),
        FigureTable.Total(t => t.Escalations), FigureTable.Total(t => t.SatisfactionMean),
    ];

    private static readonly Expression<Func<LevelFigures<Estimate>, Estimate>>[] s_perLevel = [l => l.WaitBeforeAcceptanceDays.Mean, l => l.Utilisation, l => l.MeanQueueLength];

    public static void Print(IAnsiConsole console, Comparison comparison)
    {
        var a = comparison.A;
        var b = comparison.B;
        var table = new Table()
            .AddColumn("figure")
            .AddColumn(new TableColumn("A").RightAligned())
            .AddColumn(new TableColumn("B").RightAligned())
            .AddColumn(new TableColumn("B − A").RightAligned())
            .AddColumn(new TableColumn("95 % CI").RightAligned())
            .AddColumn("");
        console.WriteLine($"A: {a.Scenario.Name}");
        console.WriteLine($"B: {b.Scenario.Name}");
        console.WriteLine($"B − A paired over {a.Runs.Count} replications with common random numbers (seed {a.Scenario.Seed}):");
        var levels = a.Figures.Levels.Keys.Intersect(b.Figures.Levels.Keys);
        var figures = s_totals.Concat(levels.SelectMany(level => s_perLevel.Select(figure => FigureTable.AtLevel(level, figure))));
        foreach (var difference in figures.Select(comparison.Of))
        {
            var interval = double.IsFinite(difference.HalfWidth)
                ? $"[{Number(difference.Mean - difference.HalfWidth)}, {Number(difference.Mean + difference.HalfWidth)}]"
                : "—";
            table.AddRow(difference.Key, Number(difference.MeanA), Number(difference.MeanB), Number(difference.Mean), Markup.Escape(interval), difference.Significant ? "*" : "");
        }

        console.Write(table);
        console.WriteLine("* the 95 % interval of the difference excludes 0.");
    }

    public static string Render(Comparison comparison)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("schema", Schema);
            json.WriteString("a", comparison.A.Scenario.Name);
            json.WriteString("b", comparison.B.Scenario.Name);
            json.WriteNumber("seed", comparison.A.Scenario.Seed);
            json.WriteNumber("replications", comparison.A.Runs.Count);
            json.WriteStartObject("differences");
            foreach (var difference in comparison.Differences)
            {
                json.WriteStartObject(difference.Key);
                json.WriteFiniteNumber("a", difference.MeanA);
                json.WriteFiniteNumber("b", difference.MeanB);
                json.WriteFiniteNumber("difference", difference.Mean);
                json.WritePropertyName("ci95");
                if (double.IsFinite(difference.HalfWidth))
                {
                    json.WriteStartArray();
                    json.WriteNumberValue(difference.Mean - difference.HalfWidth);
                    json.WriteNumberValue(difference.Mean + difference.HalfWidth);
                    json.WriteEndArray();
                }
                else
                {
                    json.WriteNullValue();
                }

                json.WriteFiniteArray("values", difference.Differences);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static string Number(double value) => double.IsFinite(value) ? value.ToString("0.###", CultureInfo.InvariantCulture) : "—";
}
