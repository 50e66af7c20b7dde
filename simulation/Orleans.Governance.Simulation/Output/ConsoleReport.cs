using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Simulation.Model;
using Orleans.Governance.Simulation.Statistics;
using Spectre.Console;

namespace Orleans.Governance.Simulation.Output;

/// <summary>The KPI tables printed after a run: totals, then one column per level (± the 95 % CI half-width with replications).</summary>
public static class ConsoleReport
{
    private static readonly (string Key, string Label, string Format)[] s_totals =
    [
        ("casesCreated", "cases created", "N0"),
        ("casesResolved", "resolved", "N0"),
        ("casesReferred", "referred", "N0"),
        ("casesClosed", "closed", "N0"),
        ("casesOpen", "open at the horizon", "N0"),
        ("escalations", "escalations", "N0"),
        ("overdue", "overdue (supervised)", "N0"),
        ("closedWithinDeadlineShare", "closed within deadline", "P1"),
        ("timeToCloseDays.mean", "time to close, mean (days)", "N2"),
        ("timeToCloseDays.p95", "time to close, p95 (days)", "N2"),
        ("satisfactionMean", "satisfaction (1–5)", "N2"),
        ("refusedCommands", "commands refused", "N0"),
    ];

    private static readonly (string Key, string Label, string Format)[] s_levels =
    [
        ("mediators", "mediators", "N0"),
        ("admitted", "admitted", "N0"),
        ("resolvedShare", "share of resolutions", "P1"),
        ("escalatedOut", "escalated out", "N0"),
        ("probabilityOfWaiting", "P(wait)", "P1"),
        ("waitBeforeAcceptanceDays.mean", "wait before acceptance, mean (d)", "N3"),
        ("waitBeforeAcceptanceDays.p95", "wait before acceptance, p95 (d)", "N3"),
        ("timeToCloseDays.mean", "time to close, mean (d)", "N2"),
        ("utilisation", "utilisation", "P1"),
        ("meanQueueLength", "mean queue length", "N2"),
        ("overdue", "overdue", "N0"),
    ];

    public static void Print(IAnsiConsole console, SimulationResult result)
    {
        var byKey = result.Figures.ToDictionary(f => f.Key);
        var totals = new Table().Title($"[bold]{Markup.Escape(result.Scenario.Name)}[/] — {result.Runs.Count} replication(s), {result.Scenario.HorizonDays:0.#} days").AddColumn("figure").AddColumn(new TableColumn("value").RightAligned());
        foreach (var (key, label, format) in s_totals)
        {
            totals.AddRow(label, byKey[$"totals.{key}"].Text(format));
        }

        console.Write(totals);
        var levels = result.Runs[0].Series.Levels;
        var table = new Table().AddColumn("per level");
        foreach (var level in levels)
        {
            table.AddColumn(new TableColumn(LevelNames.Key(level)).RightAligned());
        }

        foreach (var (key, label, format) in s_levels)
        {
            table.AddRow([label, .. levels.Select(level => byKey[Figure.AtLevel(level, key)].Text(format))]);
        }

        console.Write(table);
        PrintWarnings(console, result);
    }

    /// <summary>The early-warning detector over the run: each injected surge found or missed, and the false warnings.</summary>
    private static void PrintWarnings(IAnsiConsole console, SimulationResult result)
    {
        var words = ReportLabels.English.Warnings;
        if (result.Surges.Count > 0)
        {
            var table = new Table().Title(Markup.Escape(words.Title)).AddColumn(words.Surge).AddColumn(new TableColumn(words.Detected).RightAligned()).AddColumn(new TableColumn(words.Delay).RightAligned());
            foreach (var outcome in result.Surges)
            {
                table.AddRow(Markup.Escape(words.Describe(outcome.Surge, result.Scenario.City.Definition)), outcome.DetectedText, outcome.DelayDays.Text("N2"));
            }

            console.Write(table);
        }

        console.WriteLine($"Early warning: {result["earlyWarning.episodes"].Text("N1")} warning episodes over {result["earlyWarning.testedDays"].Text("N0")} days tested with a baseline; "
            + $"{result["earlyWarning.falseWarnings"].Text("N1")} matched no surge: {result["earlyWarning.falseWarningsPerCountyPer90Days"].Text("N2")} false warnings per county per 90 days.");
    }
}
