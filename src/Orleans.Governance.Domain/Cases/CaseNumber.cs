using System.Globalization;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Domain.Cases;

/// <summary>
/// Case numbers a citizen can read aloud and type: the registering unit's id, the day of
/// registration in China Standard Time and that unit's sequence of the day, e.g.
/// <c>sample-01-02-20261201-0042</c>. Unique because unit ids are unique and each unit issues
/// its own sequence; no grain of the whole city is asked.
/// </summary>
public static class CaseNumber
{
    /// <summary>The day a number issued at <paramref name="now"/> carries, as yyyyMMdd.</summary>
    public static int DayOf(DateTimeOffset now)
    {
        var local = CentreDays.DateOf(now);
        return (local.Year * 100 + local.Month) * 100 + local.Day;
    }

    public static string Format(string unitId, int day, int sequence) => $"{unitId}-{day:D8}-{sequence:D4}";

    /// <summary>The day (yyyyMMdd) a case number carries, or null when it is not of this format (legacy case ids).</summary>
    public static int? DayIn(string caseNumber) => TryParse(caseNumber, out _, out var day, out _) ? day : null;

    /// <summary>Reads a number back into its unit, day and sequence; false for anything not of this format.</summary>
    public static bool TryParse(string caseNumber, out string unitId, out int day, out int sequence)
    {
        (unitId, day, sequence) = ("", 0, 0);
        var last = caseNumber.LastIndexOf('-');
        var previous = last > 0 ? caseNumber.LastIndexOf('-', last - 1) : -1;
        if (previous < 1 || last - previous != 9
            || !int.TryParse(caseNumber.AsSpan(previous + 1, 8), NumberStyles.None, CultureInfo.InvariantCulture, out day)
            || !int.TryParse(caseNumber.AsSpan(last + 1), NumberStyles.None, CultureInfo.InvariantCulture, out sequence)
            || caseNumber.Length - last - 1 < 4)
        {
            return false;
        }

        unitId = caseNumber[..previous];
        return true;
    }
}
