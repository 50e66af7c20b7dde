using System.Globalization;
using Orleans.Governance.Simulation.Statistics;

namespace Orleans.Governance.Simulation.Output;

/// <summary>A figure as the reports print it: the mean, ± the 95 % half-width with replications, – when there was nothing to measure.</summary>
public static class FigureText
{
    public static string Text(this Estimate figure, string format)
    {
        var mean = figure.Mean;
        if (!double.IsFinite(mean))
        {
            return "–";
        }

        var half = figure.HalfWidth;
        var text = mean.ToString(format, CultureInfo.InvariantCulture);
        return double.IsFinite(half) ? $"{text} ± {half.ToString(format, CultureInfo.InvariantCulture)}" : text;
    }
}
