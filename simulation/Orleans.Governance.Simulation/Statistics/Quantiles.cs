namespace Orleans.Governance.Simulation.Statistics;

/// <summary>Exact sample statistics; NaN stands for "no observation" and becomes null in the outputs.</summary>
public static class Quantiles
{
    public static double Mean(IReadOnlyCollection<double> values) => values.Count == 0 ? double.NaN : values.Average();

    /// <summary>
    /// The quantiles <paramref name="qs"/> (0..1) by linear interpolation between order statistics
    /// (type 7, as numpy and R default), from one sort of the values; NaN for each when there are none.
    /// </summary>
    public static double[] Of(IReadOnlyCollection<double> values, params double[] qs)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        var quantiles = new double[qs.Length];
        for (var i = 0; i < qs.Length; i++)
        {
            quantiles[i] = sorted.Length == 0 ? double.NaN : OfSorted(sorted, qs[i]);
        }

        return quantiles;
    }

    private static double OfSorted(double[] sorted, double q)
    {
        var h = (sorted.Length - 1) * q;
        var low = (int)Math.Floor(h);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
    }
}
