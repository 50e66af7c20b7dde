namespace Orleans.Governance.Domain.Jurisdiction;

/// <summary>
/// Which days the centres work (工作日), in their own days (<see cref="CentreDays"/>): Monday to
/// Friday, except the <see cref="DaysOff"/> (public holidays), plus the
/// <see cref="WeekendDaysWorked"/> (调休 make-up working days). Read from a calendar file
/// (<see cref="WorkingCalendarFile"/>); dates it does not list follow the plain week.
/// </summary>
[GenerateSerializer, Immutable, Alias("gov.working-calendar")]
public sealed class WorkingCalendar : IEquatable<WorkingCalendar>
{
    [NonSerialized] private HashSet<DateOnly>? _daysOff;
    [NonSerialized] private HashSet<DateOnly>? _weekendDaysWorked;

    /// <summary>Monday to Friday, no holidays.</summary>
    public static WorkingCalendar Weekdays { get; } = new();

    /// <summary>The calendar file as the policy names it (written back into a city file, shown in messages).</summary>
    [Id(0)] public string Source { get; init; } = "";

    [Id(1)] public IReadOnlyList<DateOnly> DaysOff { get; init; } = [];

    [Id(2)] public IReadOnlyList<DateOnly> WeekendDaysWorked { get; init; } = [];

    public bool IsWorkingDay(DateOnly day)
    {
        // Built on first use: a deserialized calendar arrives with its lists only. Two threads
        // may both build a set; either is right.
        var off = _daysOff ??= [.. DaysOff];
        var worked = _weekendDaysWorked ??= [.. WeekendDaysWorked];
        return day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? worked.Contains(day) : !off.Contains(day);
    }

    /// <summary>
    /// The instant <paramref name="workingTime"/> of working days after <paramref name="at"/>:
    /// only the hours of working days run, so the time of day is kept and days off are skipped,
    /// and a period that starts on a day off starts at the next working day's midnight.
    /// </summary>
    public DateTimeOffset Add(DateTimeOffset at, TimeSpan workingTime)
    {
        if (workingTime <= TimeSpan.Zero)
        {
            return at;
        }

        var local = at.ToOffset(CentreDays.Offset);
        var day = DateOnly.FromDateTime(local.DateTime);
        var timeOfDay = local.TimeOfDay;
        var remaining = workingTime;
        while (true)
        {
            if (IsWorkingDay(day))
            {
                var leftToday = TimeSpan.FromDays(1) - timeOfDay;
                if (remaining <= leftToday)
                {
                    return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue) + timeOfDay + remaining, CentreDays.Offset).ToOffset(at.Offset);
                }

                remaining -= leftToday;
            }

            day = day.AddDays(1);
            timeOfDay = TimeSpan.Zero;
        }
    }

    public bool Equals(WorkingCalendar? other) =>
        other is not null && Source == other.Source && DaysOff.SequenceEqual(other.DaysOff) && WeekendDaysWorked.SequenceEqual(other.WeekendDaysWorked);

    public override bool Equals(object? obj) => Equals(obj as WorkingCalendar);

    public override int GetHashCode() => HashCode.Combine(Source, DaysOff.Count, WeekendDaysWorked.Count);
}
