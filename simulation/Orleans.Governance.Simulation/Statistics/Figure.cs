using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Simulation.Statistics;

/// <summary>One figure over the replications: its mean and 95 % confidence interval (null with fewer than two values).</summary>
public sealed record Figure(string Key, double[] Values)
{
    /// <summary>The key of a figure per level: <c>levels.township.utilisation</c>.</summary>
    public static string AtLevel(Level level, string figure) => $"levels.{LevelNames.Key(level)}.{figure}";

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

    /// <summary>Figures of all replications, key by key, in the order of the first replication.</summary>
    public static IReadOnlyList<Figure> Summarise(IReadOnlyList<RunResult> runs) =>
        runs[0].Figures.Select((pair, i) => new Figure(pair.Key, runs.Select(r => r.Figures[i].Value).ToArray())).ToList();
}
