using System.Globalization;
using System.Text;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Simulation.Model;
using Orleans.Governance.Simulation.Statistics;

namespace Orleans.Governance.Simulation.Output;

/// <summary>
/// The --csv output: <c>timeseries.csv</c> (one row per replication, day and level) and
/// <c>figures.csv</c> (one row per figure: mean, CI bounds and each replication's value).
/// </summary>
public static class CsvReport
{
    public static IReadOnlyList<string> Write(SimulationResult result, string directory)
    {
        Directory.CreateDirectory(directory);
        var series = new StringBuilder("replication,day,level,queueLength,busyMediators,utilisation,overdueSoFar,openCases\n");
        for (var r = 0; r < result.Runs.Count; r++)
        {
            var s = result.Runs[r].Series;
            for (var d = 0; d < s.Days.Count; d++)
            {
                foreach (var level in s.Levels)
                {
                    series.Append(CultureInfo.InvariantCulture, $"{r + 1},{N(s.Days[d])},{LevelNames.Key(level)},{N(s.Queue[level][d])},{N(s.Busy[level][d])},{N(s.Utilisation[level][d])},{N(s.Overdue[level][d])},{N(s.OpenCases[d])}\n");
                }
            }
        }

        var figures = new StringBuilder("figure,mean,ci95Low,ci95High," + string.Join(",", result.Runs.Select((_, i) => $"replication{i + 1}")) + "\n");
        foreach (var figure in FigureTable.All(result.Figures.Levels.Keys))
        {
            var estimate = figure.Read(result.Figures);
            var half = estimate.HalfWidth;
            figures.Append(CultureInfo.InvariantCulture, $"{figure.Key},{N(estimate.Mean)},{N(estimate.Mean - half)},{N(estimate.Mean + half)},{string.Join(",", estimate.Values.Select(N))}\n");
        }

        var seriesPath = Path.Combine(directory, "timeseries.csv");
        var figuresPath = Path.Combine(directory, "figures.csv");
        File.WriteAllText(seriesPath, series.ToString());
        File.WriteAllText(figuresPath, figures.ToString());
        return [seriesPath, figuresPath];
    }

    private static string N(double value) => double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "";
}
