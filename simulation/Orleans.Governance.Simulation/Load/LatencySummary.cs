using Orleans.Governance.Simulation.Statistics;

namespace Orleans.Governance.Simulation.Load;

/// <summary>Latency percentiles of one kind of call, in milliseconds.</summary>
public sealed record LatencySummary(string Kind, long Calls, double P50, double P95, double P99, double Max)
{
    public static LatencySummary Of(string kind, List<double> milliseconds)
    {
        var quantiles = Quantiles.Of(milliseconds, 0.50, 0.95, 0.99);
        return new(kind, milliseconds.Count, quantiles[0], quantiles[1], quantiles[2], milliseconds.Count == 0 ? double.NaN : milliseconds.Max());
    }
}
