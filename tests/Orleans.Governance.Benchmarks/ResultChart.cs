using ScottPlot;

namespace Orleans.Governance.Benchmarks;

/// <summary>
/// The throughput figures as one chart: each measured rate beside what its target asks, every
/// round shown as a dot over its median bar, so the spread of a noisy machine is visible.
/// </summary>
public static class ResultChart
{
    /// <summary>One bar: a measured rate (its rounds) and, if it has a target, the rate the target requires.</summary>
    public sealed record Measure(string Name, IReadOnlyList<double> Rounds, double? Required = null, string? Target = null);

    public static void Save(string path, IReadOnlyList<Measure> measures)
    {
        var plot = new Plot();
        plot.Title("Core benchmark: lifecycles per second against the targets");
        plot.YLabel("lifecycles/s");
        for (var i = 0; i < measures.Count; i++)
        {
            var measure = measures[i];
            plot.Add.Bar(new Bar { Position = i, Value = Benchmark.Median([.. measure.Rounds]), FillColor = Colors.SteelBlue, Size = 0.6 });
            var dots = plot.Add.ScatterPoints(measure.Rounds.Select(_ => (double)i).ToArray(), measure.Rounds.ToArray());
            dots.Color = Colors.Black;
            dots.MarkerSize = 6;
            if (measure.Required is { } required)
            {
                var line = plot.Add.Line(i - 0.4, required, i + 0.4, required);
                line.Color = Colors.OrangeRed;
                line.LineWidth = 3;
                var label = plot.Add.Text($"target: {measure.Target}", i, required);
                label.LabelFontColor = Colors.OrangeRed;
                label.LabelAlignment = Alignment.LowerCenter;
            }
        }

        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, measures.Count).Select(i => (double)i)], [.. measures.Select(m => m.Name)]);
        plot.Axes.Margins(bottom: 0, top: 0.15);
        plot.SaveSvg(path, 900, 420);
    }
}
