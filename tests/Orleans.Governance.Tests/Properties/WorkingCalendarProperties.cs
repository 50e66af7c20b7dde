using FsCheck;
using FsCheck.Fluent;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Tests.Properties;

/// <summary><see cref="WorkingCalendar.Add"/> on random calendars around a year, from random instants, for random working time.</summary>
public sealed class WorkingCalendarProperties
{
    private static readonly DateOnly s_first = new(2025, 12, 1);

    /// <summary>Days off anywhere, make-up working days on weekends only, none both: what a calendar file may hold.</summary>
    private static Gen<WorkingCalendar> Calendars { get; } =
        from offsets in Gen.Choose(0, 420).ListOf()
        from workedOffsets in Gen.Choose(0, 420).ListOf()
        let off = offsets.Select(o => s_first.AddDays(o)).Distinct().Order().ToList()
        let worked = workedOffsets.Select(o => s_first.AddDays(o)).Where(d => IsWeekend(d) && !off.Contains(d)).Distinct().Order().ToList()
        select new WorkingCalendar { Source = "random", DaysOff = off, WeekendDaysWorked = worked };

    /// <summary>An instant in the calendar's span, to the minute, in any offset.</summary>
    private static Gen<DateTimeOffset> Instants { get; } =
        from minutes in Gen.Choose(0, 380 * 1440)
        from offsetHours in Gen.Elements(0, 8, -5)
        select new DateTimeOffset(s_first.ToDateTime(TimeOnly.MinValue), CentreDays.Offset).AddMinutes(minutes).ToOffset(TimeSpan.FromHours(offsetHours));

    /// <summary>Working time up to 30 days, to the minute: whole and fractional days, the sign warning's hours.</summary>
    private static Gen<TimeSpan> WorkingTimes { get; } = Gen.Choose(0, 30 * 1440).Select(m => TimeSpan.FromMinutes(m));

    [Fact]
    public void Adding_working_time_is_monotonic_in_the_start_and_in_the_time_added() =>
        PropertyRuns.Check(Prop.ForAll(Arb.From(
            from calendar in Calendars from a in Instants from b in Instants from x in WorkingTimes from y in WorkingTimes select (calendar, (a, b), (x, y))), sample =>
        {
            var (calendar, (a, b), (x, y)) = sample;
            var (early, late) = a <= b ? (a, b) : (b, a);
            var (less, more) = x <= y ? (x, y) : (y, x);
            return calendar.Add(early, less) <= calendar.Add(late, less) && calendar.Add(early, less) <= calendar.Add(early, more);
        }), ciDefault: 300);

    [Fact]
    public void Working_time_ends_within_a_working_day_and_never_before_it_could()
    {
        PropertyRuns.Check(Prop.ForAll(Arb.From(from calendar in Calendars from at in Instants from time in WorkingTimes select (calendar, at, time)), sample =>
        {
            var (calendar, at, time) = sample;
            var end = calendar.Add(at, time);

            // The instant just before the end is on a working day (the end itself may be that day's midnight).
            var landsOnWorkingDay = time == TimeSpan.Zero ? end == at : calendar.IsWorkingDay(CentreDays.DateOf(end - TimeSpan.FromTicks(1)));
            return landsOnWorkingDay && end - at >= time && end.Offset == at.Offset;
        }), ciDefault: 300);
    }

    [Fact]
    public void With_an_empty_calendar_whole_days_skip_the_weekends() =>
        PropertyRuns.Check(Prop.ForAll(Arb.From(Gen.Zip(Instants, Gen.Choose(1, 40))), sample =>
        {
            var (at, days) = sample;
            return WorkingCalendar.Weekdays.Add(at, TimeSpan.FromDays(days)) == WeekdaysOracle(at, days);
        }), ciDefault: 300);

    /// <summary>
    /// Counting weekdays by hand: a start on a weekend moves to Monday's midnight; then each step
    /// goes to the next weekday at the same time of day; an end at midnight is the end of the
    /// last weekday before it, not the start of the next.
    /// </summary>
    private static DateTimeOffset WeekdaysOracle(DateTimeOffset at, int days)
    {
        var local = at.ToOffset(CentreDays.Offset);
        while (IsWeekend(DateOnly.FromDateTime(local.DateTime)))
        {
            local = new DateTimeOffset(local.Date.AddDays(1), CentreDays.Offset);
        }

        for (var counted = 0; counted < days;)
        {
            local = local.AddDays(1);
            if (!IsWeekend(DateOnly.FromDateTime(local.DateTime)))
            {
                counted++;
            }
        }

        while (local.TimeOfDay == TimeSpan.Zero && IsWeekend(DateOnly.FromDateTime(local.DateTime.AddDays(-1))))
        {
            local = local.AddDays(-1);
        }

        return local.ToOffset(at.Offset);
    }

    private static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
