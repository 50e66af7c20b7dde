using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Simulation.Model;
using ScottPlot;

namespace Orleans.Governance.Simulation.Output;

/// <summary>The report's charts, drawn by ScottPlot as SVG (inlined in the HTML, so the report works offline).</summary>
public static class Charts
{
    private const int Width = 900;
    private const int Height = 380;

    /// <summary>
    /// The charts' font. It must be installed: ScottPlot draws the SVG's text with it, and
    /// characters the font lacks are dropped, so without it every Chinese label is empty.
    /// </summary>
    public const string Font = "Noto Sans CJK SC";

    /// <summary>Whether the charts can draw Chinese text on this machine.</summary>
    public static bool CanDrawChinese => Fonts.GetTypeface(Font, bold: false, italic: false) is { } typeface && typeface.ContainsGlyphs("各层级排队");

    public static string Series(string title, string yLabel, ReportLabels labels, IReadOnlyList<double> days, IReadOnlyDictionary<Level, List<double>> byLevel)
    {
        var plot = New(title, labels.Day, yLabel);
        foreach (var (level, values) in byLevel)
        {
            var line = plot.Add.ScatterLine(days.ToArray(), values.ToArray());
            line.LegendText = labels.LevelName(level);
            line.LineWidth = 2;
        }

        plot.ShowLegend(Alignment.UpperRight);
        return plot.GetSvgXml(Width, Height);
    }

    public static string Bars(string title, string yLabel, IReadOnlyList<string> names, IReadOnlyList<double> values, IReadOnlyList<double> halfWidths)
    {
        var plot = New(title, "", yLabel);
        var bars = names.Select((_, i) => new Bar
        {
            Position = i,
            Value = double.IsFinite(values[i]) ? values[i] : 0,
            Error = double.IsFinite(halfWidths[i]) ? halfWidths[i] : 0,
            FillColor = Colors.SteelBlue,
        }).ToList();
        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, names.Count).Select(i => (double)i)], [.. names]);
        plot.Axes.Margins(bottom: 0);
        return plot.GetSvgXml(Width, Height);
    }

    public static string Histogram(string title, ReportLabels labels, IReadOnlyList<double> days)
    {
        var plot = New(title, labels.DaysAxis, labels.CasesAxis);
        if (days.Count > 0)
        {
            var sorted = days.OrderBy(d => d).ToArray();
            var max = Math.Max(sorted[(int)((sorted.Length - 1) * 0.99)], 0.5);
            const int Bins = 40;
            var width = max / Bins;
            var counts = new double[Bins];
            foreach (var d in sorted)
            {
                counts[Math.Min(Bins - 1, (int)(d / width))]++;
            }

            plot.Add.Bars(Enumerable.Range(0, Bins).Select(i => new Bar { Position = (i + 0.5) * width, Value = counts[i], Size = width * 0.95, FillColor = Colors.SteelBlue }).ToList());
            plot.Axes.Margins(bottom: 0);
        }

        return plot.GetSvgXml(Width, Height);
    }

    /// <summary>A measured share against staffing, with its 95 % intervals as error bars and the target as a dashed line.</summary>
    public static string AgainstStaffing(string title, string xLabel, string yLabel, string targetLabel, IReadOnlyList<double> staffing, IReadOnlyList<double> values, IReadOnlyList<double> halfWidths, double target)
    {
        var plot = New(title, xLabel, yLabel);
        var xs = staffing.ToArray();
        var ys = values.Select(v => double.IsFinite(v) ? v : 0).ToArray();
        var line = plot.Add.Scatter(xs, ys);
        line.LineWidth = 2;
        line.MarkerSize = 8;
        line.LegendText = yLabel;
        var errors = plot.Add.ErrorBar(xs, ys, halfWidths.Select(h => double.IsFinite(h) ? h : 0).ToArray());
        errors.Color = line.Color;
        var goal = plot.Add.HorizontalLine(target);
        goal.LinePattern = LinePattern.Dashed;
        goal.Color = Colors.Red;
        goal.LegendText = $"{targetLabel} {target:P0}";
        plot.Axes.Bottom.SetTicks(xs, [.. xs.Select(x => x.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        plot.ShowLegend(Alignment.LowerRight);
        return plot.GetSvgXml(Width, Height);
    }

    /// <summary>
    /// Changes as horizontal bars, one per name from the top, with their 95 % intervals as error
    /// bars and 0 as a line; a bar whose interval excludes 0 is orange.
    /// </summary>
    public static string Changes(string title, string xLabel, IReadOnlyList<string> names, IReadOnlyList<double> values, IReadOnlyList<double> halfWidths, IReadOnlyList<bool> significant)
    {
        var plot = New(title, xLabel, "");
        double[] positions = [.. names.Select((_, i) => (double)(names.Count - 1 - i))];
        var bars = plot.Add.Bars(names.Select((_, i) => new Bar
        {
            Position = positions[i],
            Value = values[i],
            Error = double.IsFinite(halfWidths[i]) ? halfWidths[i] : 0,
            FillColor = significant[i] ? Colors.DarkOrange : Colors.SteelBlue,
        }).ToList());
        bars.Horizontal = true;
        plot.Add.VerticalLine(0).Color = Colors.Black;
        plot.Axes.Left.SetTicks(positions, [.. names]);
        // One row of about 24 px per figure, so long lists stay legible.
        return plot.GetSvgXml(Width, Math.Max(Height, 80 + (24 * names.Count)));
    }

    /// <summary>
    /// The objective against cost of every roster a search ran (grey), the frontier (the best
    /// objective seen at or below each cost), the search's path, the target and the chosen roster.
    /// </summary>
    public static string Frontier(string title, string xLabel, string yLabel, string pathLabel, string frontierLabel, string chosenLabel,
        IReadOnlyList<(double Cost, double Value)> evaluated, IReadOnlyList<(double Cost, double Value)> path, (double Cost, double Value)? chosen, double target)
    {
        var plot = New(title, xLabel, yLabel);
        var all = plot.Add.ScatterPoints(evaluated.Select(e => e.Cost).ToArray(), evaluated.Select(e => e.Value).ToArray());
        all.Color = Colors.Gray.WithAlpha(0.6);
        all.MarkerSize = 6;
        var frontier = new List<(double Cost, double Value)>();
        foreach (var point in evaluated.OrderBy(e => e.Cost))
        {
            if (frontier.Count == 0 || point.Value > frontier[^1].Value)
            {
                frontier.Add(point);
            }
        }

        var edge = plot.Add.ScatterLine(frontier.Select(e => e.Cost).ToArray(), frontier.Select(e => e.Value).ToArray());
        edge.ConnectStyle = ConnectStyle.StepHorizontal;
        edge.LineWidth = 2;
        edge.Color = Colors.SteelBlue;
        edge.LegendText = frontierLabel;
        var walk = plot.Add.Scatter(path.Select(p => p.Cost).ToArray(), path.Select(p => p.Value).ToArray());
        walk.LineWidth = 1;
        walk.MarkerSize = 7;
        walk.Color = Colors.DarkOrange;
        walk.LegendText = pathLabel;
        if (chosen is { } c)
        {
            var mark = plot.Add.ScatterPoints(new[] { c.Cost }, new[] { c.Value });
            mark.MarkerSize = 14;
            mark.MarkerShape = MarkerShape.OpenCircle;
            mark.Color = Colors.Green;
            mark.LegendText = chosenLabel;
        }

        var goal = plot.Add.HorizontalLine(target);
        goal.LinePattern = LinePattern.Dashed;
        goal.Color = Colors.Red;
        goal.LegendText = $"{target:P0}";
        plot.ShowLegend(Alignment.LowerRight);
        return plot.GetSvgXml(Width, Height);
    }

    private static Plot New(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set(Font);
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return plot;
    }
}
