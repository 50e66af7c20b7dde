namespace Orleans.Governance.Simulation.Statistics;

/// <summary>A duration of which only the mean is reported (days).</summary>
public sealed record MeanOnly<T>(T Mean)
{
    /// <summary>See <see cref="Figures{T}.Of"/>.</summary>
    public static MeanOnly<T> Of<TFrom>(Func<Func<MeanOnly<TFrom>, TFrom>, T> leaf) => new(leaf(m => m.Mean));
}
