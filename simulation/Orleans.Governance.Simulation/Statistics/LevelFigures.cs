namespace Orleans.Governance.Simulation.Statistics;

/// <summary>The figures of one level (<c>figures.levels.&lt;level&gt;</c>; their meaning in docs/simulator.md).</summary>
public sealed record LevelFigures<T>(
    T Units, T Mediators,
    T Admitted, T ArrivalRatePerDay, T Resolved, T ResolvedShare, T Referred, T EscalatedOut, T Overdue,
    T ProbabilityOfWaiting, Spread<T> WaitBeforeAcceptanceDays, MeanOnly<T> ServiceDays, Spread<T> TimeToCloseDays,
    T Utilisation, T MeanQueueLength, T MeanBusyMediators)
{
    /// <summary>See <see cref="Figures{T}.Of"/>.</summary>
    public static LevelFigures<T> Of<TFrom>(Func<Func<LevelFigures<TFrom>, TFrom>, T> leaf) => new(
        leaf(f => f.Units), leaf(f => f.Mediators), leaf(f => f.Admitted), leaf(f => f.ArrivalRatePerDay), leaf(f => f.Resolved), leaf(f => f.ResolvedShare),
        leaf(f => f.Referred), leaf(f => f.EscalatedOut), leaf(f => f.Overdue), leaf(f => f.ProbabilityOfWaiting),
        Spread<T>.Of<TFrom>(read => leaf(f => read(f.WaitBeforeAcceptanceDays))), MeanOnly<T>.Of<TFrom>(read => leaf(f => read(f.ServiceDays))),
        Spread<T>.Of<TFrom>(read => leaf(f => read(f.TimeToCloseDays))), leaf(f => f.Utilisation), leaf(f => f.MeanQueueLength), leaf(f => f.MeanBusyMediators));
}
