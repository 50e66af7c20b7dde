using System.Globalization;
using System.Net;
using System.Text;
using Orleans.Governance.Simulation.Planning;
using Orleans.Governance.Simulation.Statistics;
using Spectre.Console;

namespace Orleans.Governance.Simulation.Output;

/// <summary>
/// The outputs of <c>sweep</c>, in Chinese or English: a console table with the cheapest staffing,
/// and a self-contained HTML page with the chart and the same table. The columns are
/// <see cref="FigureTable"/>'s figures, named and formatted as it names and formats them.
/// </summary>
public static class SweepReport
{
    /// <summary>The columns after the staffing: the service level, the wait and utilisation at the swept level, the time to close.</summary>
    private static FigureDescriptor<Figures<Estimate>>[] Columns(SweepResult sweep) =>
    [
        RosterGoal.ServiceLevel,
        FigureTable.AtLevel(sweep.Level, l => l.WaitBeforeAcceptanceDays.Mean),
        FigureTable.AtLevel(sweep.Level, l => l.Utilisation),
        FigureTable.Total(t => t.TimeToCloseDays.Mean),
    ];

    public static void Print(IAnsiConsole console, SweepResult sweep, ReportLabels labels)
    {
        var level = labels.LevelName(sweep.Level);
        var columns = Columns(sweep);
        var table = new Table()
            .Title(Markup.Escape(labels.InChinese
                ? $"{level}：每中心调解员（{sweep.Centres} 个中心）；{level}的等待与利用率"
                : $"{level}: mediators per centre ({sweep.Centres} centres); wait and utilisation at the {level}"));
        foreach (var header in Headers(labels))
        {
            table.AddColumn(new TableColumn(Markup.Escape(header)).RightAligned());
        }

        foreach (var figure in columns)
        {
            table.AddColumn(new TableColumn(Markup.Escape(labels.FigureName(figure.Label))).RightAligned());
        }

        table.AddColumn("");
        foreach (var point in sweep.Points)
        {
            table.AddRow([.. Row(point, columns), point == sweep.Cheapest ? "◀" : ""]);
        }

        console.Write(table);
        console.WriteLine(Verdict(sweep, labels));
    }

    public static string Verdict(SweepResult sweep, ReportLabels labels)
    {
        var zh = labels.InChinese;
        var (level, share) = (labels.LevelName(sweep.Level), labels.FigureName(RosterGoal.ServiceLevel.Label));
        var target = sweep.Target.ToString("P0", CultureInfo.InvariantCulture);
        var replications = sweep.Points[0].Result.Runs.Count;
        var (first, last) = (sweep.Points[0].PerCentre, sweep.Points[^1].PerCentre);
        var cheapest = (sweep.Cheapest, zh) switch
        {
            ({ } c, false) => $"Cheapest staffing with {target} {share}: {c.PerCentre} mediators per {level} centre ({c.Mediators} at the level, {sweep.Centres} centres).",
            ({ } c, true) => $"{share}达到 {target} 的最低配置：每个{level}中心 {c.PerCentre} 名调解员（该层级共 {c.Mediators} 名，{sweep.Centres} 个中心）。",
            (null, false) => $"No staffing from {first} to {last} per {level} centre reaches {target} {share}.",
            (null, true) => $"每个{level}中心 {first}–{last} 名调解员，{share}均未达到 {target}。",
        };
        if (replications < 2)
        {
            return cheapest + (zh ? "（仅一次重复，无置信区间。）" : " (One replication: no confidence interval.)");
        }

        return cheapest + (sweep.CheapestConfident, zh) switch
        {
            ({ } sure, false) => $" With its whole 95 % interval at or above the target: {sure.PerCentre} per centre.",
            ({ } sure, true) => $"95% 置信区间整体不低于目标的最低配置：每中心 {sure.PerCentre} 名。",
            (null, false) => " No value has its whole 95 % interval at or above the target.",
            (null, true) => "没有任何配置的 95% 置信区间整体不低于目标。",
        };
    }

    public static string Render(SweepResult sweep, string scenarioName, ReportLabels labels)
    {
        var zh = labels.InChinese;
        var (level, share) = (labels.LevelName(sweep.Level), labels.FigureName(RosterGoal.ServiceLevel.Label));
        var title = zh ? $"{scenarioName} — {level}人员配置扫描" : $"{scenarioName} — staffing sweep at {level}";
        var svg = Charts.AgainstStaffing(
            zh ? $"{scenarioName}：{share}与{level}人员配置" : $"{scenarioName}: {share} against {level} staffing",
            zh ? $"每个{level}中心的调解员" : $"mediators per {level} centre",
            share,
            zh ? "目标" : "target",
            [.. sweep.Points.Select(p => (double)p.PerCentre)],
            [.. sweep.Points.Select(p => p.ServiceLevel.Mean)],
            [.. sweep.Points.Select(p => p.ServiceLevel.HalfWidth)],
            sweep.Target);
        var columns = Columns(sweep);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(labels.Lang).Append("\"><head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(title)).Append("</title>")
            .Append("<style>body{font-family:'Noto Sans CJK SC',sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}</style></head><body>")
            .Append("<h1>").Append(WebUtility.HtmlEncode(title)).Append("</h1>")
            .Append("<p>").Append(WebUtility.HtmlEncode(Verdict(sweep, labels))).Append("</p>");
        HtmlReport.Chart(html, "service-level", svg);
        html.Append("<table><tr>");
        foreach (var header in Headers(labels).Concat(columns.Select(figure => labels.FigureName(figure.Label))))
        {
            html.Append("<th>").Append(WebUtility.HtmlEncode(header)).Append("</th>");
        }

        html.Append("</tr>");
        foreach (var point in sweep.Points)
        {
            html.Append("<tr>");
            foreach (var cell in Row(point, columns))
            {
                html.Append("<td>").Append(WebUtility.HtmlEncode(cell)).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</table></body></html>\n");
        return html.ToString();
    }

    /// <summary>The staffing columns' headers: mediators per centre, and at the level (the level's <c>mediators</c> figure).</summary>
    private static string[] Headers(ReportLabels labels) =>
        [labels.InChinese ? "每中心" : "per centre", labels.FigureName(FigureTable.OfLevel(l => l.Mediators).Label)];

    private static string[] Row(SweepPoint point, FigureDescriptor<Figures<Estimate>>[] columns) =>
    [
        point.PerCentre.ToString(CultureInfo.InvariantCulture),
        point.Mediators.ToString(CultureInfo.InvariantCulture),
        .. columns.Select(figure => figure.Read(point.Result.Figures).Text(figure.Format)),
    ];
}
