namespace Orleans.Governance.Simulation.Statistics;

/// <summary>Exact sample statistics; NaN stands for "no observation" and becomes null in the outputs.</summary>
public static class Quantiles
{
    public static double Mean(IReadOnlyCollection<double> values) => values.Count == 0 ? double.NaN : values.Average();

    /// <summary>The q-quantile by linear interpolation between order statistics (type 7, as numpy and R default).</summary>
    public static double Of(IReadOnlyCollection<double> values, double q)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.ToArray();
        Array.Sort(sorted);
        var h = (sorted.Length - 1) * q;
        var low = (int)Math.Floor(h);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
    }
}
