using Orleans.Governance.Simulation.Statistics;

namespace Orleans.Governance.Simulation.Planning;

/// <summary>
/// One figure of two scenarios run with common random numbers: replication i of both used the
/// same seed, so the differences B − A are paired and their interval is Student's t over them.
/// </summary>
public sealed record PairedDifference(string Key, double[] A, double[] B)
{
    /// <summary>B − A per replication; NaN where either had nothing to measure.</summary>
    public double[] Differences => A.Zip(B, (a, b) => b - a).ToArray();

    public double MeanA => new Estimate(A).Mean;

    public double MeanB => new Estimate(B).Mean;

    public double Mean => new Estimate(Differences).Mean;

    /// <summary>Half-width of the 95 % interval of the mean difference (NaN with fewer than two pairs).</summary>
    public double HalfWidth => new Estimate(Differences).HalfWidth;

    /// <summary>The interval excludes zero: B differs from A at the 5 % level.</summary>
    public bool Significant => double.IsFinite(HalfWidth) && Math.Abs(Mean) > HalfWidth;
}
