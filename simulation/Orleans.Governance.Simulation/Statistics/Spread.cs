namespace Orleans.Governance.Simulation.Statistics;

/// <summary>A duration's mean, median and 95th percentile (days).</summary>
public sealed record Spread<T>(T Mean, T P50, T P95)
{
    /// <summary>A spread whose every leaf <paramref name="leaf"/> makes from the way to read that leaf of another (see <see cref="Figures{T}.Of"/>).</summary>
    public static Spread<T> Of<TFrom>(Func<Func<Spread<TFrom>, TFrom>, T> leaf) => new(leaf(s => s.Mean), leaf(s => s.P50), leaf(s => s.P95));
}
