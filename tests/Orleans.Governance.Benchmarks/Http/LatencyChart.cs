using ScottPlot;

namespace Orleans.Governance.Benchmarks.Http;

/// <summary>p50, p95 and p99 (medians of the rounds) against the arrival rate, HTTP beside the Orleans client, on a log scale, with the p99 target.</summary>
public static class LatencyChart
{
    public sealed record Series(string Name, IReadOnlyList<double> Rates, IReadOnlyList<double> P50, IReadOnlyList<double> P95, IReadOnlyList<double> P99, bool Dashed);

    public static void Save(string path, IReadOnlyList<Series> series, double targetMs, string title)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel("intakes/s (open loop, fixed arrival rate)");
        plot.YLabel("latency from intended send time (ms, log scale)");
        var colours = new[] { Colors.SteelBlue, Colors.DarkOrange, Colors.Crimson };
        foreach (var one in series)
        {
            foreach (var (label, values, colour) in new[] { ("p50", one.P50, colours[0]), ("p95", one.P95, colours[1]), ("p99", one.P99, colours[2]) })
            {
                var line = plot.Add.Scatter(one.Rates.ToArray(), values.Select(Log).ToArray());
                line.LegendText = $"{one.Name} {label}";
                line.Color = colour;
                line.LineWidth = 2;
                line.MarkerSize = 7;
                line.MarkerShape = one.Dashed ? MarkerShape.OpenSquare : MarkerShape.FilledCircle;
                line.LinePattern = one.Dashed ? LinePattern.Dashed : LinePattern.Solid;
            }
        }

        var target = plot.Add.HorizontalLine(Math.Log10(targetMs));
        target.Color = Colors.Black;
        target.LineWidth = 2;
        target.LinePattern = LinePattern.Dotted;
        target.LegendText = $"target: p99 ≤ {targetMs:0} ms";

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = y => $"{Math.Pow(10, y):0.#}",
        };
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SaveSvg(path, 900, 520);
    }

    /// <summary>A round that never finished has an infinite p99: drawn at 100 s, off any useful scale but visible.</summary>
    private static double Log(double ms) => Math.Log10(double.IsFinite(ms) ? Math.Max(ms, 0.1) : 100_000);
}
