using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Simulation.Statistics;

/// <summary>
/// The figures of a run, the <c>figures</c> object of the run JSON (docs/simulator.md) in the
/// same order: a replication's are <c>Figures&lt;double&gt;</c> (<see cref="RunResult.Figures"/>),
/// the run's over its replications <c>Figures&lt;Estimate&gt;</c>, one <see cref="Estimate"/> a
/// leaf. <see cref="Levels"/> holds the levels the city has, lowest first.
/// </summary>
public sealed record Figures<T>(TotalFigures<T> Totals, IReadOnlyDictionary<Level, LevelFigures<T>> Levels, EarlyWarningFigures<T> EarlyWarning)
{
    /// <summary>
    /// Figures of the same levels as <paramref name="shape"/>, each leaf made by <paramref name="leaf"/> from the
    /// way to read that leaf of a <c>Figures&lt;TFrom&gt;</c>: the one place that walks every leaf, so that
    /// summarising replications or pairing two runs need not name any figure.
    /// </summary>
    public static Figures<T> Of<TFrom>(Figures<TFrom> shape, Func<Func<Figures<TFrom>, TFrom>, T> leaf) => new(
        TotalFigures<T>.Of<TFrom>(read => leaf(f => read(f.Totals))),
        ByLevel(shape.Levels.Keys, level => LevelFigures<T>.Of<TFrom>(read => leaf(f => read(f.Levels[level])))),
        EarlyWarningFigures<T>.Of<TFrom>(read => leaf(f => read(f.EarlyWarning))));

    /// <summary>The levels' figures in the order of the levels, lowest first, as the JSON lists them.</summary>
    public static IReadOnlyDictionary<Level, LevelFigures<T>> ByLevel(IEnumerable<Level> levels, Func<Level, LevelFigures<T>> figures) =>
        new SortedDictionary<Level, LevelFigures<T>>(levels.ToDictionary(level => level, figures));
}
