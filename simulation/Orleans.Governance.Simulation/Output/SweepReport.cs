using System.Globalization;
using System.Net;
using System.Text;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Simulation.Planning;
using Orleans.Governance.Simulation.Statistics;
using Spectre.Console;

namespace Orleans.Governance.Simulation.Output;

/// <summary>The outputs of <c>sweep</c>: a console table with the cheapest staffing, and a self-contained HTML page with the chart.</summary>
public static class SweepReport
{
    public static void Print(IAnsiConsole console, SweepResult sweep)
    {
        var level = LevelNames.Key(sweep.Level);
        var table = new Table()
            .Title($"{level}: mediators per centre ({sweep.Centres} centres); wait and utilisation at the {level}")
            .AddColumn(new TableColumn("per centre").RightAligned())
            .AddColumn(new TableColumn("total").RightAligned())
            .AddColumn(new TableColumn("within deadline").RightAligned())
            .AddColumn(new TableColumn("wait (d)").RightAligned())
            .AddColumn(new TableColumn("utilisation").RightAligned())
            .AddColumn(new TableColumn("to close (d)").RightAligned())
            .AddColumn("");
        foreach (var point in sweep.Points)
        {
            var mark = point == sweep.Cheapest ? "◀" : "";
            table.AddRow(
                point.PerCentre.ToString(CultureInfo.InvariantCulture),
                point.Mediators.ToString(CultureInfo.InvariantCulture),
                Cell(point.ServiceLevel, "P1"),
                Cell(point.Wait(sweep.Level), "N3"),
                Cell(point.Utilisation(sweep.Level), "P1"),
                Cell(point.Result.Figures.Totals.TimeToCloseDays.Mean, "N2"),
                mark);
        }

        console.Write(table);
        console.WriteLine(Verdict(sweep));
    }

    public static string Verdict(SweepResult sweep)
    {
        var target = sweep.Target.ToString("P0", CultureInfo.InvariantCulture);
        var replications = sweep.Points[0].Result.Runs.Count;
        var cheapest = sweep.Cheapest is { } c
            ? $"Cheapest staffing with {target} closed within deadline: {c.PerCentre} mediators per {LevelNames.Key(sweep.Level)} centre ({c.Mediators} at the level, {sweep.Centres} centres)."
            : $"No staffing from {sweep.Points[0].PerCentre} to {sweep.Points[^1].PerCentre} per {LevelNames.Key(sweep.Level)} centre reaches {target} closed within deadline.";
        if (replications < 2)
        {
            return cheapest + " (One replication: no confidence interval.)";
        }

        return cheapest + (sweep.CheapestConfident is { } sure
            ? $" With its whole 95 % interval at or above the target: {sure.PerCentre} per centre."
            : " No value has its whole 95 % interval at or above the target.");
    }

    public static string Render(SweepResult sweep, string scenarioName)
    {
        var svg = Charts.AgainstStaffing(
            $"{scenarioName}: closed within deadline against {LevelNames.Key(sweep.Level)} staffing",
            $"mediators per {LevelNames.Key(sweep.Level)} centre",
            "closed within deadline",
            [.. sweep.Points.Select(p => (double)p.PerCentre)],
            [.. sweep.Points.Select(p => p.ServiceLevel.Mean)],
            [.. sweep.Points.Select(p => p.ServiceLevel.HalfWidth)],
            sweep.Target);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(scenarioName)).Append(" — staffing sweep</title>")
            .Append("<style>body{font-family:'Noto Sans CJK SC',sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}</style></head><body>")
            .Append("<h1>").Append(WebUtility.HtmlEncode(scenarioName)).Append(" — staffing sweep at ").Append(LevelNames.Key(sweep.Level)).Append("</h1>")
            .Append("<p>").Append(WebUtility.HtmlEncode(Verdict(sweep))).Append("</p>")
            .Append(svg)
            .Append("<table><tr><th>per centre</th><th>mediators</th><th>closed within deadline</th><th>95 % CI ±</th></tr>");
        foreach (var point in sweep.Points)
        {
            html.Append("<tr><td>").Append(point.PerCentre).Append("</td><td>").Append(point.Mediators)
                .Append("</td><td>").Append(Format(point.ServiceLevel.Mean, "P1"))
                .Append("</td><td>").Append(Format(point.ServiceLevel.HalfWidth, "P1")).Append("</td></tr>");
        }

        html.Append("</table></body></html>\n");
        return html.ToString();
    }

    private static string Cell(Estimate figure, string format) =>
        double.IsFinite(figure.HalfWidth) ? $"{Format(figure.Mean, format)} ± {Format(figure.HalfWidth, format)}" : Format(figure.Mean, format);

    private static string Format(double value, string format) => double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : "—";
}
