using System.Globalization;
using System.Net;
using System.Text;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Simulation.Model;
using Orleans.Governance.Simulation.Statistics;

namespace Orleans.Governance.Simulation.Output;

/// <summary>
/// The self-contained HTML report: key figures and five charts (queue length, resolution share,
/// time to close, utilisation, overdue) inlined as SVG, then the early-warning section (each
/// injected surge found or not and its delay, with a chart when there are surges; the false
/// warnings); no script, no network. Series charts show the first replication; bar charts show
/// the means with their 95 % intervals.
/// </summary>
public static class HtmlReport
{
    private static readonly FigureDescriptor<EarlyWarningFigures<Estimate>>[] s_warnings =
        [FigureTable.OfEarlyWarning(w => w.FalseWarningsPerCountyPer90Days), FigureTable.OfEarlyWarning(w => w.Episodes), FigureTable.OfEarlyWarning(w => w.TestedDays)];

    public static void Write(SimulationResult result, string path, ReportLabels labels) => File.WriteAllText(path, Render(result, labels));

    public static string Render(SimulationResult result, ReportLabels labels)
    {
        var scenario = result.Scenario;
        var series = result.Runs[0].Series;
        var levels = series.Levels;
        var figures = result.Figures;
        string[] names = [.. levels.Select(labels.LevelName)];
        Estimate[] resolvedShare = [.. levels.Select(l => figures.Levels[l].ResolvedShare)];

        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!DOCTYPE html>
            <html lang="{{labels.Lang}}">
            <head>
            <meta charset="utf-8">
            <title>{{Encode(labels.Title)}} — {{Encode(scenario.Name)}}</title>
            <style>
            body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; margin: 2em auto; max-width: 960px; color: #222; }
            h1 { font-size: 1.6em; margin-bottom: 0.2em; }
            .meta { color: #666; margin-bottom: 1.5em; }
            table { border-collapse: collapse; margin-bottom: 2em; }
            td, th { border-bottom: 1px solid #ddd; padding: 0.3em 1em; text-align: right; }
            td:first-child, th:first-child { text-align: left; }
            figure { margin: 0 0 2em 0; }
            </style>
            </head>
            <body>
            <h1>{{Encode(labels.Title)}}</h1>
            <div class="meta">{{Encode(scenario.Name)}} · {{Encode(scenario.City.Definition.Name)}} · {{labels.Horizon}} {{scenario.HorizonDays:0.#}} · {{labels.Replications}} {{result.Runs.Count}} · seed {{scenario.Seed}}</div>
            <h2>{{Encode(labels.Summary)}}</h2>
            <table id="kpi"><tr><th>{{Encode(labels.Figure)}}</th><th>{{Encode(labels.Value)}}</th></tr>

            """);
        foreach (var figure in ReportLabels.KeyTotals)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(labels.FigureName(figure.Label))}</td><td>{figure.Read(figures).Text(figure.Format)}</td></tr>\n");
        }

        html.Append("</table>\n");
        Chart(html, "queue", Charts.Series(labels.QueueTitle, labels.QueueAxis, labels, series.Days, series.Queue));
        Chart(html, "resolution", Charts.Bars(labels.ResolutionTitle, labels.ShareAxis, names, [.. resolvedShare.Select(e => e.Mean)], [.. resolvedShare.Select(e => e.HalfWidth)]));
        Chart(html, "time-to-close", Charts.Histogram(labels.TimeToCloseTitle, labels, result.Runs[0].TimeToCloseDays));
        Chart(html, "utilisation", Charts.Series(labels.UtilisationTitle, labels.ShareAxis, labels, series.Days, series.Utilisation));
        Chart(html, "overdue", Charts.Series(labels.OverdueTitle, labels.OverdueAxis, labels, series.Days, series.Overdue));
        Warnings(html, result, labels);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The early-warning section: each injected surge found or missed and after how long (a table and a chart), and the false warnings.</summary>
    private static void Warnings(StringBuilder html, SimulationResult result, ReportLabels labels)
    {
        var words = labels.Warnings;
        html.Append(CultureInfo.InvariantCulture, $"<h2>{Encode(words.Title)}</h2>\n");
        var surges = result.Surges;
        var names = surges.Select(s => words.Describe(s.Surge, result.Scenario.City.Definition)).ToList();
        if (surges.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<table id=\"surges\"><tr><th>{Encode(words.Surge)}</th><th>{Encode(words.Detected)}</th><th>{Encode(words.Delay)}</th></tr>\n");
            for (var i = 0; i < surges.Count; i++)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{i + 1}. {Encode(names[i])}</td><td>{surges[i].DetectedText}</td><td>{surges[i].DelayDays.Text("N2")}</td></tr>\n");
            }

            html.Append("</table>\n");
        }

        html.Append("<table id=\"warnings\">\n");
        foreach (var figure in s_warnings)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(labels.FigureName(figure.Label))}</td><td>{figure.Read(result.Figures.EarlyWarning).Text(figure.Format)}</td></tr>\n");
        }

        html.Append("</table>\n");
        if (surges.Count > 0)
        {
            // Surges are numbered on the axis (their descriptions are long); the table above names them.
            Chart(html, "detection-delay", Charts.Bars(words.DelayTitle, words.DelayAxis, [.. names.Select((_, i) => (i + 1).ToString(CultureInfo.InvariantCulture))],
                [.. surges.Select(s => s.DelayDays.Mean)], [.. surges.Select(s => s.DelayDays.HalfWidth)]));
        }
    }

    /// <summary>A chart inlined as a figure: the SVG without its XML declaration, which is not allowed inside HTML.</summary>
    internal static void Chart(StringBuilder html, string id, string svg) =>
        html.Append(CultureInfo.InvariantCulture, $"<figure id=\"chart-{id}\">\n{StripXmlDeclaration(svg)}\n</figure>\n");

    private static string StripXmlDeclaration(string svg) =>
        svg.StartsWith("<?xml", StringComparison.Ordinal) ? svg[(svg.IndexOf("?>", StringComparison.Ordinal) + 2)..].TrimStart() : svg;

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
