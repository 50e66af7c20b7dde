namespace Orleans.Governance.Simulation.Statistics;

/// <summary>The figures of the whole city (<c>figures.totals</c>; their meaning in docs/simulator.md).</summary>
public sealed record TotalFigures<T>(
    T CasesCreated, T CasesResolved, T CasesReferred, T CasesClosed, T CasesOpen,
    T Escalations, T Overdue, T UnsignedWarnings,
    T ClosedWithinDeadlineShare, T SatisfactionMean, Spread<T> TimeToCloseDays,
    T RefusedCommands)
{
    /// <summary>See <see cref="Figures{T}.Of"/>.</summary>
    public static TotalFigures<T> Of<TFrom>(Func<Func<TotalFigures<TFrom>, TFrom>, T> leaf) => new(
        leaf(f => f.CasesCreated), leaf(f => f.CasesResolved), leaf(f => f.CasesReferred), leaf(f => f.CasesClosed), leaf(f => f.CasesOpen),
        leaf(f => f.Escalations), leaf(f => f.Overdue), leaf(f => f.UnsignedWarnings), leaf(f => f.ClosedWithinDeadlineShare), leaf(f => f.SatisfactionMean),
        Spread<T>.Of<TFrom>(read => leaf(f => read(f.TimeToCloseDays))), leaf(f => f.RefusedCommands));
}
