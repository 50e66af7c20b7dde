using Orleans.Governance.Domain.Cases;

namespace Orleans.Governance.Domain.Warnings;

/// <summary>A unit's or a subtree's days of activity, oldest first; days not listed had none.</summary>
[GenerateSerializer, Immutable, Alias("gov.activity-series")]
public sealed record ActivitySeries(
    [property: Id(0)] DateOnly? Since,
    [property: Id(1)] IReadOnlyList<DayActivity> Days) : IArrivalHistory
{
    public static ActivitySeries Empty { get; } = new(null, []);

    /// <summary>Day by day sums; a subtree is known from the earliest day any of its units recorded.</summary>
    public ActivitySeries Plus(IEnumerable<ActivitySeries> others)
    {
        // Every series is sorted by day and spans a few weeks: one slot per calendar day of the
        // union, filled in one pass, keeps a city-wide roll-up free of per-day lookups.
        var all = others.Prepend(this).ToList();
        var since = all.Select(s => s.Since).Where(s => s is not null).Min();
        var listed = all.Where(s => s.Days.Count > 0).ToList();
        if (listed.Count == 0)
        {
            return since == Since && Days.Count == 0 ? this : new ActivitySeries(since, []);
        }

        var first = listed.Min(s => s.Days[0].Day.DayNumber);
        var slots = new DayActivity?[listed.Max(s => s.Days[^1].Day.DayNumber) - first + 1];
        foreach (var series in listed)
        {
            foreach (var day in series.Days)
            {
                var sum = slots[day.Day.DayNumber - first] ??= DayActivity.Empty(day.Day);
                for (var t = 0; t < day.Arrivals.Length; t++)
                {
                    sum.Arrivals[t] += day.Arrivals[t];
                }

                for (var l = 0; l < day.ResolvedByLevel.Length; l++)
                {
                    sum.ResolvedByLevel[l] += day.ResolvedByLevel[l];
                }
            }
        }

        return new ActivitySeries(since, [.. slots.OfType<DayActivity>()]);
    }

    /// <summary>Arrivals of one type on the days from <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    public int ArrivalsOf(CaseType type, DateOnly first, DateOnly last)
    {
        var sum = 0;
        foreach (var day in Days)
        {
            if (day.Day >= first && day.Day <= last)
            {
                sum += day.ArrivalsOf(type);
            }
        }

        return sum;
    }

    public void CopyArrivals(DateOnly first, Span<int> counts)
    {
        counts.Clear();
        var types = DayActivity.TypeCount;
        var rows = counts.Length / types;
        foreach (var day in Days)
        {
            var row = day.Day.DayNumber - first.DayNumber;
            if (row >= 0 && row < rows)
            {
                for (var t = 0; t < types; t++)
                {
                    counts[(row * types) + t] += day.Arrivals[t];
                }
            }
        }
    }

    /// <summary>The days from <paramref name="first"/> to <paramref name="last"/>, each present (zero when nothing happened).</summary>
    public IReadOnlyList<DayActivity> Dense(DateOnly first, DateOnly last)
    {
        var known = Days.Where(d => d.Day >= first && d.Day <= last).ToDictionary(d => d.Day);
        return [.. Enumerable.Range(0, Math.Max(0, last.DayNumber - first.DayNumber + 1))
            .Select(i => first.AddDays(i))
            .Select(day => known.GetValueOrDefault(day) ?? DayActivity.Empty(day))];
    }
}
