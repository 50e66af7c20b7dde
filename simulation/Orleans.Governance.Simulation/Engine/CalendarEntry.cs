namespace Orleans.Governance.Simulation.Engine;

/// <summary>
/// One booked event, ordered by (time, sequence): the sequence is the booking order, so events
/// at equal virtual times run in the order they were booked, the same in every run.
/// </summary>
public readonly record struct CalendarEntry(long Time, long Sequence, EventKind Kind, object? Subject, string? Actor, int Generation);
