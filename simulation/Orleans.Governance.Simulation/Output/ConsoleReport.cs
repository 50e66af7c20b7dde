using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Simulation.Model;
using Orleans.Governance.Simulation.Statistics;
using Spectre.Console;

namespace Orleans.Governance.Simulation.Output;

/// <summary>The KPI tables printed after a run: totals, then one column per level (± the 95 % CI half-width with replications).</summary>
public static class ConsoleReport
{
    private static readonly FigureDescriptor<Figures<Estimate>>[] s_totals = [.. ReportLabels.KeyTotals, FigureTable.Total(t => t.RefusedCommands)];

    private static readonly FigureDescriptor<LevelFigures<Estimate>>[] s_levels =
    [
        FigureTable.OfLevel(l => l.Mediators), FigureTable.OfLevel(l => l.Admitted), FigureTable.OfLevel(l => l.ResolvedShare), FigureTable.OfLevel(l => l.EscalatedOut),
        FigureTable.OfLevel(l => l.ProbabilityOfWaiting), FigureTable.OfLevel(l => l.WaitBeforeAcceptanceDays.Mean), FigureTable.OfLevel(l => l.WaitBeforeAcceptanceDays.P95),
        FigureTable.OfLevel(l => l.TimeToCloseDays.Mean), FigureTable.OfLevel(l => l.Utilisation), FigureTable.OfLevel(l => l.MeanQueueLength), FigureTable.OfLevel(l => l.Overdue),
    ];

    public static void Print(IAnsiConsole console, SimulationResult result)
    {
        var figures = result.Figures;
        var totals = new Table().Title($"[bold]{Markup.Escape(result.Scenario.Name)}[/] — {result.Runs.Count} replication(s), {result.Scenario.HorizonDays:0.#} days").AddColumn("figure").AddColumn(new TableColumn("value").RightAligned());
        foreach (var figure in s_totals)
        {
            totals.AddRow(figure.Label.English, figure.Read(figures).Text(figure.Format));
        }

        console.Write(totals);
        var levels = figures.Levels.Keys;
        var table = new Table().AddColumn("per level");
        foreach (var level in levels)
        {
            table.AddColumn(new TableColumn(LevelNames.Key(level)).RightAligned());
        }

        foreach (var figure in s_levels)
        {
            table.AddRow([figure.Label.English, .. levels.Select(level => figure.Read(figures.Levels[level]).Text(figure.Format))]);
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

        var warnings = result.Figures.EarlyWarning;
        console.WriteLine($"Early warning: {warnings.Episodes.Text("N1")} warning episodes over {warnings.TestedDays.Text("N0")} days tested with a baseline; "
            + $"{warnings.FalseWarnings.Text("N1")} matched no surge: {warnings.FalseWarningsPerCountyPer90Days.Text("N2")} false warnings per county per 90 days.");
    }
}
