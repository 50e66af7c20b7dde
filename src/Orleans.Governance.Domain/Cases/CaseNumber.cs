namespace Orleans.Governance.Domain.Cases;

/// <summary>
/// Case numbers a citizen can read aloud and type: the registering unit's id, the day of
/// registration in China Standard Time and that unit's sequence of the day, e.g.
/// <c>sample-01-02-20261201-0042</c>. Unique because unit ids are unique and each unit issues
/// its own sequence; no grain of the whole city is asked.
/// </summary>
public static class CaseNumber
{
    private static readonly TimeSpan s_chinaStandardTime = TimeSpan.FromHours(8);

    /// <summary>The day a number issued at <paramref name="now"/> carries, as yyyyMMdd.</summary>
    public static int DayOf(DateTimeOffset now)
    {
        var local = now.ToOffset(s_chinaStandardTime);
        return (local.Year * 100 + local.Month) * 100 + local.Day;
    }

    public static string Format(string unitId, int day, int sequence) => $"{unitId}-{day:D8}-{sequence:D4}";
}
