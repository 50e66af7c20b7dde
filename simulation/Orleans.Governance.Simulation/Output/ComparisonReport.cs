using System.Globalization;
using System.Linq.Expressions;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Orleans.Governance.Simulation.Planning;
using Orleans.Governance.Simulation.Statistics;
using Spectre.Console;

namespace Orleans.Governance.Simulation.Output;

/// <summary>
/// The outputs of <c>compare</c>: a console table and an HTML page with a chart of the key
/// figures (named in Chinese or English by <see cref="FigureTable"/>), and the --json of every
/// figure (schema in docs/simulator.md; keys only, the same in either language).
/// </summary>
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

    public static void Print(IAnsiConsole console, Comparison comparison, ReportLabels labels)
    {
        var zh = labels.InChinese;
        var table = new Table()
            .AddColumn(Markup.Escape(labels.Figure))
            .AddColumn(new TableColumn("A").RightAligned())
            .AddColumn(new TableColumn("B").RightAligned())
            .AddColumn(new TableColumn("B − A").RightAligned())
            .AddColumn(new TableColumn(zh ? "95% 置信区间" : "95 % CI").RightAligned())
            .AddColumn("");
        console.WriteLine($"A: {comparison.A.Scenario.Name}");
        console.WriteLine($"B: {comparison.B.Scenario.Name}");
        console.WriteLine(Paired(comparison, zh));
        foreach (var (name, difference) in KeyDifferences(comparison, labels))
        {
            table.AddRow(Markup.Escape(name), Number(difference.MeanA), Number(difference.MeanB), Number(difference.Mean), Markup.Escape(Interval(difference)), difference.Significant ? "*" : "");
        }

        console.Write(table);
        console.WriteLine(zh ? "* 差值的 95% 置信区间不含 0。" : "* the 95 % interval of the difference excludes 0.");
    }

    /// <summary>
    /// The HTML page: the key figures' paired differences as a table, and a chart of each one's
    /// change relative to A with its 95 % interval (figures whose A is 0 have no relative change
    /// and stay in the table only).
    /// </summary>
    public static string Html(Comparison comparison, ReportLabels labels)
    {
        var zh = labels.InChinese;
        var (a, b) = (comparison.A.Scenario.Name, comparison.B.Scenario.Name);
        var title = zh ? $"方案比较：{a} 与 {b}" : $"Comparison: {a} and {b}";
        var differences = KeyDifferences(comparison, labels).ToList();
        var relative = differences.Where(d => double.IsFinite(Relative(d.Difference.Mean, d.Difference))).ToList();
        var svg = Charts.Changes(
            zh ? "B 相对 A 的变化（均值与 95% 置信区间）" : "Change of B relative to A (mean and 95 % interval)",
            zh ? "相对 A 的变化（%）" : "change relative to A (%)",
            [.. relative.Select(d => d.Name)],
            [.. relative.Select(d => 100 * Relative(d.Difference.Mean, d.Difference))],
            [.. relative.Select(d => 100 * Relative(d.Difference.HalfWidth, d.Difference))],
            [.. relative.Select(d => d.Difference.Significant)]);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(labels.Lang).Append("\"><head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(title)).Append("</title>")
            .Append("<style>body{font-family:'Noto Sans CJK SC',sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}td:first-child,th:first-child{text-align:left}</style></head><body>")
            .Append("<h1>").Append(WebUtility.HtmlEncode(title)).Append("</h1>")
            .Append("<p>A: ").Append(WebUtility.HtmlEncode(a)).Append("<br>B: ").Append(WebUtility.HtmlEncode(b)).Append("<br>")
            .Append(WebUtility.HtmlEncode(Paired(comparison, zh))).Append("</p>");
        HtmlReport.Chart(html, "changes", svg);
        html.Append("<p>").Append(zh ? "橙色：差值的 95% 置信区间不含 0。" : "Orange: the 95 % interval of the difference excludes 0.").Append("</p><table><tr>");
        string[] headers = [labels.Figure, "A", "B", "B − A", zh ? "95% 置信区间" : "95 % CI", zh ? "相对变化" : "relative change", zh ? "区间不含 0" : "excludes 0"];
        foreach (var header in headers)
        {
            html.Append("<th>").Append(WebUtility.HtmlEncode(header)).Append("</th>");
        }

        html.Append("</tr>");
        foreach (var (name, difference) in differences)
        {
            var change = Relative(difference.Mean, difference);
            html.Append("<tr><td title=\"").Append(WebUtility.HtmlEncode(difference.Key)).Append("\">").Append(WebUtility.HtmlEncode(name))
                .Append("</td><td>").Append(Number(difference.MeanA)).Append("</td><td>").Append(Number(difference.MeanB))
                .Append("</td><td>").Append(Number(difference.Mean)).Append("</td><td>").Append(Interval(difference))
                .Append("</td><td>").Append(double.IsFinite(change) ? change.ToString("+0.0%;−0.0%;0.0%", CultureInfo.InvariantCulture) : "—")
                .Append("</td><td>").Append(difference.Significant ? (zh ? "是" : "yes") : (zh ? "否" : "no")).Append("</td></tr>");
        }

        html.Append("</table></body></html>\n");
        return html.ToString();
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

    /// <summary>The console's and the page's figures: the totals, then wait, utilisation and queue length at each level both cities have, named in the labels' language.</summary>
    private static IEnumerable<(string Name, PairedDifference Difference)> KeyDifferences(Comparison comparison, ReportLabels labels)
    {
        var levels = comparison.A.Figures.Levels.Keys.Intersect(comparison.B.Figures.Levels.Keys);
        return s_totals.Select(figure => (labels.FigureName(figure.Label), comparison.Of(figure)))
            .Concat(levels.SelectMany(level => s_perLevel.Select(FigureTable.OfLevel).Select(figure =>
                ($"{labels.LevelName(level)} · {labels.FigureName(figure.Label)}", comparison.Of(FigureTable.AtLevel(level, figure))))));
    }

    private static string Paired(Comparison comparison, bool zh) => zh
        ? $"B − A：{comparison.A.Runs.Count} 次重复配对比较，共同随机数（种子 {comparison.A.Scenario.Seed}）："
        : $"B − A paired over {comparison.A.Runs.Count} replications with common random numbers (seed {comparison.A.Scenario.Seed}):";

    /// <summary><paramref name="value"/> (the difference or its half-width) as a share of A, so figures of different units share one chart; NaN where A is 0 or missing.</summary>
    private static double Relative(double value, PairedDifference difference) => difference.MeanA != 0 ? value / Math.Abs(difference.MeanA) : double.NaN;

    private static string Interval(PairedDifference difference) => double.IsFinite(difference.HalfWidth)
        ? $"[{Number(difference.Mean - difference.HalfWidth)}, {Number(difference.Mean + difference.HalfWidth)}]"
        : "—";

    private static string Number(double value) => double.IsFinite(value) ? value.ToString("0.###", CultureInfo.InvariantCulture) : "—";
}
