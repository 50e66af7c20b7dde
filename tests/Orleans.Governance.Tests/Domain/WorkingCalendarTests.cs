using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.City;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Tests.Domain;

/// <summary>Working-day deadlines on the shipped 2026 calendar, and the calendar files that are refused.</summary>
public sealed class WorkingCalendarTests
{
    private static readonly string s_calendars = Path.Combine(AppContext.BaseDirectory, "calendars");

    private static WorkingCalendar Cn2026 { get; } = Load("cn-2026.json");

    private static GovernancePolicy Working { get; } = new() { DeadlineDays = DeadlineDays.Working, WorkingCalendar = Cn2026 };

    private static DateTimeOffset Beijing(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, CentreDays.Offset);

    [Fact]
    public void A_deadline_over_the_qingming_holiday_skips_its_three_days_off()
    {
        // Triaged Friday 3 April: Saturday 4 to Monday 6 April are off, so the three days are Tuesday to Thursday.
        var deadlines = CaseDeadlines.At(Beijing(4, 3, 9), Grade.Simple, null, Working);

        Assert.Equal(Beijing(4, 9, 9), deadlines.CloseBy);
        Assert.Equal(Beijing(4, 6, 9), CaseDeadlines.At(Beijing(4, 3, 9), Grade.Simple, null, new GovernancePolicy()).CloseBy);
    }

    [Fact]
    public void A_seven_day_deadline_over_the_spring_festival_counts_both_make_up_saturdays()
    {
        // Friday 13 and Saturday 14 (worked), 15 to 23 February off, Tuesday 24 to Friday 27, Saturday 28 (worked).
        Assert.Equal(Beijing(2, 28, 15), CaseDeadlines.At(Beijing(2, 12, 15), Grade.Normal, null, Working).CloseBy);
    }

    [Fact]
    public void A_worked_weekend_day_counts_and_the_escalation_grace_runs_on_working_days_too()
    {
        // Triaged Thursday 7 May: Friday 8, Saturday 9 (worked, 调休), then Monday 11; the grace of 3 days: Tuesday to Thursday.
        var deadlines = CaseDeadlines.At(Beijing(5, 7, 11), Grade.Simple, Beijing(5, 8, 17), Working with { OverdueEscalationDays = 3 });

        Assert.Equal(Beijing(5, 11, 11), deadlines.CloseBy);
        Assert.Equal(Beijing(5, 14, 11), deadlines.EscalateBy);
        Assert.Equal(Beijing(5, 9, 17), deadlines.SignBy);
        Assert.Equal(Beijing(5, 12, 11), WorkingCalendar.Weekdays.Add(Beijing(5, 7, 11), TimeSpan.FromDays(3)));
    }

    [Fact]
    public void A_deadline_that_starts_on_a_day_off_starts_at_the_next_working_days_midnight()
    {
        // Registered on Saturday 2 May, in the Labour Day holiday (1 to 5 May): Wednesday 6 to Friday 8, ending at Friday's midnight.
        Assert.Equal(Beijing(5, 9, 0), CaseDeadlines.At(Beijing(5, 2, 10), Grade.Simple, null, Working).CloseBy);
    }

    [Fact]
    public void Calendar_days_stay_the_default()
    {
        var policy = new GovernancePolicy();

        Assert.Equal(DeadlineDays.Calendar, policy.DeadlineDays);
        Assert.Equal(Beijing(2, 15, 15), CaseDeadlines.At(Beijing(2, 12, 15), Grade.Simple, null, policy).CloseBy);
    }

    [Fact]
    public void A_city_file_names_its_working_calendar_relative_to_itself_and_writes_it_back()
    {
        var directory = Directory.CreateTempSubdirectory("gov-calendar-").FullName;
        File.Copy(Path.Combine(s_calendars, "cn-2026.json"), Path.Combine(directory, "cn-2026.json"));
        var city = Path.Combine(directory, "city.json");
        File.WriteAllText(city, CityWith("\"deadlineDays\": \"working\", \"workingCalendar\": \"cn-2026.json\""));

        var plan = CityFile.LoadFile(city);

        Assert.Equal(Working.WorkingCalendar!.DaysOff, plan.Root.Policy.WorkingCalendar!.DaysOff);
        Assert.Equal(DeadlineDays.Working, plan.Root.Policy.DeadlineDays);
        Assert.Contains("\"deadlineDays\":\"working\",\"workingCalendar\":\"cn-2026.json\"", CityFile.Write(CityFile.ParseFile(city)), StringComparison.Ordinal);
        Assert.DoesNotContain("deadlineDays", CityFile.Write(CityFile.Parse(CityWith("\"simpleDays\": 3"), "t.json")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "daysOff": ["2026-02-30"] }""", "bad.json: daysOff[0]: '2026-02-30' is not a date — expected YYYY-MM-DD")]
    [InlineData("""{ "daysOff": ["2026-01-01", 20260102] }""", "bad.json: daysOff[1]: '20260102' is not a date — expected YYYY-MM-DD")]
    [InlineData("""{ "daysOff": ["2026-02-14"], "weekendDaysWorked": ["2026-02-14"] }""", "bad.json: 2026-02-14 is both in daysOff and in weekendDaysWorked")]
    [InlineData("""{ "weekendDaysWorked": ["2026-02-16"] }""", "bad.json: weekendDaysWorked[0]: 2026-02-16 is a Monday — a make-up working day is a Saturday or a Sunday")]
    [InlineData("""{ "holidays": [] }""", "bad.json: unknown field 'holidays' (expected name, daysOff, weekendDaysWorked)")]
    [InlineData("""{ "daysOff": "2026-01-01" }""", "bad.json: daysOff: expected a list of dates (YYYY-MM-DD), got String")]
    [InlineData("""{ "daysOff": ["2026-01-01",""", "bad.json: malformed JSON (line 1, byte 27)")]
    public void A_bad_calendar_file_is_refused_naming_the_file_and_the_field(string json, string problem)
    {
        var problems = new List<string>();

        Assert.Null(WorkingCalendarFile.Parse(json, "bad.json", problems));
        Assert.Contains(problem, problems);
    }

    [Fact]
    public void A_city_whose_calendar_file_is_missing_is_refused_naming_the_field_and_the_file()
    {
        var error = Assert.Throws<CityFileException>(() =>
            CityFile.Load(CityWith("\"deadlineDays\": \"working\", \"workingCalendar\": \"nowhere/cn-2099.json\""), "t.json"));

        Assert.StartsWith("policy.workingCalendar: nowhere/cn-2099.json: the calendar file does not exist (looked for ", Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void A_working_calendar_under_calendar_days_is_refused()
    {
        var problems = new GovernancePolicy { WorkingCalendar = Cn2026 }.Validate();

        Assert.Equal(["policy.workingCalendar is cn-2026.json but policy.deadlineDays is not working — set deadlineDays: working to count its working days"], problems);
    }

    private static WorkingCalendar Load(string file)
    {
        var problems = new List<string>();
        return WorkingCalendarFile.Load(file, s_calendars, problems) ?? throw new InvalidOperationException(string.Join("; ", problems));
    }

    private static string CityWith(string policy) => $$"""
        {
          "id": "t", "name": "测试市", "policy": { {{policy}} },
          "units": [ { "id": "t", "name": "测试市", "level": "city", "mediators": [{ "count": 2 }] } ]
        }
        """;
}
