namespace Orleans.Governance.Simulation.Statistics;

/// <summary>The early-warning detector's figures (<c>figures.earlyWarning</c>): days tested with a baseline, warning episodes, those that matched no surge, and those per county per 90 tested days (NaN without counties).</summary>
public sealed record EarlyWarningFigures<T>(T TestedDays, T Episodes, T FalseWarnings, T FalseWarningsPerCountyPer90Days)
{
    /// <summary>See <see cref="Figures{T}.Of"/>.</summary>
    public static EarlyWarningFigures<T> Of<TFrom>(Func<Func<EarlyWarningFigures<TFrom>, TFrom>, T> leaf) =>
        new(leaf(f => f.TestedDays), leaf(f => f.Episodes), leaf(f => f.FalseWarnings), leaf(f => f.FalseWarningsPerCountyPer90Days));
}
