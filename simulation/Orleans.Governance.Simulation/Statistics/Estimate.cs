namespace Orleans.Governance.Simulation.Statistics;

/// <summary>
/// One figure over the replications, the leaf of <see cref="Figures{T}"/> across a run: each
/// replication's value, their mean and the half-width of the 95 % Student-t interval (NaN with
/// fewer than two values). Values that could not be measured (NaN) are left out of both.
/// </summary>
public sealed record Estimate(double[] Values)
{
    public double Mean => Finite.Length == 0 ? double.NaN : Finite.Average();

    public double HalfWidth
    {
        get
        {
            var values = Finite;
            if (values.Length < 2)
            {
                return double.NaN;
            }

            var mean = values.Average();
            var variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
            return StudentT.Quantile975(values.Length - 1) * Math.Sqrt(variance / values.Length);
        }
    }

    private double[] Finite => Values.Where(double.IsFinite).ToArray();

    public static Estimate Of(IEnumerable<double> values) => new([.. values]);
}
