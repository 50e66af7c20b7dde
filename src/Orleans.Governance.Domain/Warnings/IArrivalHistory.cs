namespace Orleans.Governance.Domain.Warnings;

/// <summary>
/// A subtree's registrations by day and type, as the early-warning rule reads them: an
/// <see cref="ActivitySeries"/> summed on demand, or a host's running sums of the same ledgers.
/// </summary>
public interface IArrivalHistory
{
    /// <summary>The first day any unit of the subtree recorded anything: days before it are unknown, not zero.</summary>
    DateOnly? Since { get; }

    /// <summary>
    /// Writes the arrivals of the days from <paramref name="first"/> on into <paramref name="counts"/>:
    /// <see cref="DayActivity.TypeCount"/> per day, indexed by case type, zero on days without any.
    /// </summary>
    void CopyArrivals(DateOnly first, Span<int> counts);
}
