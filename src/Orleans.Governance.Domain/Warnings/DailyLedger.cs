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

    [NonSerialized] private int _arrivalsRevision;
    [NonSerialized] private DateOnly? _earliestArrivalChange;

    /// <summary>The first day this unit recorded anything: days before it are unknown, not zero.</summary>
    [Id(0)] public DateOnly? Since { get; set; }

    /// <summary>Days with activity, oldest first.</summary>
    [Id(1)] public List<DayTally> Days { get; set; } = [];

    /// <summary>
    /// Moves on whenever this object's methods change an arrival count, drop a day or move
    /// <see cref="Since"/>; not stored. A host that sums many units' arrivals reads again only the
    /// ledgers whose revision moved.
    /// </summary>
    public int ArrivalsRevision => _arrivalsRevision;

    /// <summary>
    /// The earliest day whose arrival count this object's methods changed since the last call
    /// (null: none), then forgets it; days dropped are not included, as they are the first ones.
    /// With <see cref="ArrivalsRevision"/>, what lets the one host that sums every unit's ledger
    /// read again only the days that changed, instead of the whole ledger. Not stored.
    /// </summary>
    public DateOnly? TakeEarliestArrivalChange()
    {
        var earliest = _earliestArrivalChange;
        _earliestArrivalChange = null;
        return earliest;
    }

    public void RecordArrival(DateOnly day, CaseType type)
    {
        TallyOf(day).Arrivals[(int)type]++;
        ArrivalsChanged(day);
    }

    public void RecordResolution(DateOnly day) => TallyOf(day).Resolved++;

    /// <summary>Undoes an arrival that turned out never to have been stored; nothing when its day is no longer kept.</summary>
    public void RemoveArrival(DateOnly day, CaseType type)
    {
        if (Days.Find(d => d.Day == day) is { } tally && tally.Arrivals[(int)type] > 0)
        {
            tally.Arrivals[(int)type]--;
            ArrivalsChanged(day);
        }
    }

    /// <summary>The ledger as a series of this unit's level, to be summed with its subtree's.</summary>
    public ActivitySeries Series(Level level) => new(Since, [.. Days.Select(d => d.Activity(level))]);

    private void ArrivalsChanged(DateOnly day)
    {
        _arrivalsRevision++;
        if (!(_earliestArrivalChange <= day))
        {
            _earliestArrivalChange = day;
        }
    }

    private DayTally TallyOf(DateOnly day)
    {
        if (!(Since <= day))
        {
            Since = day;
            _arrivalsRevision++;
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
            Days.RemoveRange(0, dropped);
            _arrivalsRevision++;
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

    public DayActivity Activity(Level level)
    {
        var resolved = new int[DayActivity.LevelCount];
        resolved[(int)level] = Resolved;
        return new DayActivity(Day, [.. Arrivals], resolved);
    }
}
