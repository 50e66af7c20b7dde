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

    /// <summary>The day (yyyyMMdd) a case number carries, or null when it is not of this format (legacy case ids).</summary>
    public static int? DayIn(string caseNumber)
    {
        var last = caseNumber.LastIndexOf('-');
        var previous = last > 0 ? caseNumber.LastIndexOf('-', last - 1) : -1;
        if (previous < 0 || last - previous != 9)
        {
            return null;
        }

        var day = caseNumber.AsSpan(previous + 1, 8);
        return day.ContainsAnyExceptInRange('0', '9') ? null : int.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
    }
}
