using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Domain.Warnings;

/// <summary>
/// A unit's own day-by-day tally, kept in its desk state for early warning and the leaders'
/// trends: the cases registered here by type, and the agreements reached here. Only the last
/// <see cref="RetainedDays"/> days are kept, so the state stays small whatever the unit's age.
/// </summary>
[GenerateSerializer, Alias("gov.daily-ledger")]
public sealed class DailyLedger
{
    /// <summary>Enough for the longest rule (<see cref="EarlyWarningRule.DaysNeeded"/>) and eight weeks of trend.</summary>
    public const int RetainedDays = 70;

    [NonSerialized] private ILedgerObserver? _observer;

    /// <summary>The first day this unit recorded anything: days before it are unknown, not zero.</summary>
    [Id(0)] public DateOnly? Since { get; set; }

    /// <summary>Days with activity, oldest first.</summary>
    [Id(1)] public List<DayTally> Days { get; set; } = [];

    /// <summary>
    /// From now on tells <paramref name="observer"/> (in place of any earlier one; not stored) of
    /// every change this object's methods make, after telling it the ledger as it stands, as
    /// changes from nothing.
    /// </summary>
    public void Observe(ILedgerObserver observer)
    {
        _observer = observer;
        if (Since is { } since)
        {
            observer.SinceMoved(since);
        }

        foreach (var tally in Days)
        {
            tally.Tell(observer, 1);
        }
    }

    public void RecordArrival(DateOnly day, CaseType type)
    {
        TallyOf(day).Arrivals[(int)type]++;

        // A record older than the days kept goes with its day: there is nothing to tell.
        if (day >= Days[0].Day)
        {
            _observer?.ArrivalsChanged(day, type, 1);
        }
    }

    public void RecordResolution(DateOnly day) => TallyOf(day).Resolved++;

    /// <summary>Undoes an arrival that turned out never to have been stored; nothing when its day is no longer kept.</summary>
    public void RemoveArrival(DateOnly day, CaseType type)
    {
        if (Days.Find(d => d.Day == day) is { } tally && tally.Arrivals[(int)type] > 0)
        {
            tally.Arrivals[(int)type]--;
            _observer?.ArrivalsChanged(day, type, -1);
        }
    }

    /// <summary>The ledger as a series of this unit's level, to be summed with its subtree's.</summary>
    public ActivitySeries Series(Level level) => new(Since, [.. Days.Select(d => d.Activity(level))]);

    private DayTally TallyOf(DateOnly day)
    {
        if (!(Since <= day))
        {
            Since = day;
            _observer?.SinceMoved(day);
        }

        // Loops rather than predicates: a unit records on every admission and agreement.
        var index = Days.Count - 1;
        while (index >= 0 && Days[index].Day > day)
        {
            index--;
        }

        if (index >= 0 && Days[index].Day == day)
        {
            return Days[index];
        }

        // Clocks of different silos may disagree by a little: a late record goes in its place.
        var tally = new DayTally { Day = day };
        Days.Insert(index + 1, tally);
        // Days are kept in order, so the days too old to keep are the first ones.
        var oldest = Days[^1].Day.DayNumber - RetainedDays;
        var dropped = 0;
        while (Days[dropped].Day.DayNumber <= oldest)
        {
            dropped++;
        }

        if (dropped > 0)
        {
            if (_observer is { } observer)
            {
                for (var d = 0; d < dropped; d++)
                {
                    Days[d].Tell(observer, -1);
                }
            }

            Days.RemoveRange(0, dropped);
        }

        return tally;
    }
}

/// <summary>One day of a unit's ledger.</summary>
[GenerateSerializer, Alias("gov.day-tally")]
public sealed class DayTally
{
    [Id(0)] public DateOnly Day { get; init; }

    /// <summary>Cases registered here that day, indexed by <see cref="CaseType"/>.</summary>
    [Id(1)] public int[] Arrivals { get; init; } = new int[DayActivity.TypeCount];

    /// <summary>Agreements reached here that day.</summary>
    [Id(2)] public int Resolved { get; set; }

    /// <summary>Tells <paramref name="observer"/> this day's arrivals, each count times <paramref name="sign"/>.</summary>
    internal void Tell(ILedgerObserver observer, int sign)
    {
        for (var type = 0; type < Arrivals.Length; type++)
        {
            if (Arrivals[type] != 0)
            {
                observer.ArrivalsChanged(Day, (CaseType)type, sign * Arrivals[type]);
            }
        }
    }

    public DayActivity Activity(Level level)
    {
        var resolved = new int[DayActivity.LevelCount];
        resolved[(int)level] = Resolved;
        return new DayActivity(Day, [.. Arrivals], resolved);
    }
}
