using Orleans.Governance.Simulation.Statistics;

namespace Orleans.Governance.Simulation.Load;

/// <summary>Latency percentiles of one kind of call, in milliseconds.</summary>
public sealed record LatencySummary(string Kind, long Calls, double P50, double P95, double P99, double Max)
{
    public static LatencySummary Of(string kind, List<double> milliseconds) =>
        new(kind, milliseconds.Count, Quantiles.Of(milliseconds, 0.50), Quantiles.Of(milliseconds, 0.95), Quantiles.Of(milliseconds, 0.99), milliseconds.Count == 0 ? double.NaN : milliseconds.Max());
}
