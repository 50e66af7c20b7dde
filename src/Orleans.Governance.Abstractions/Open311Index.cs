using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Abstractions;

/// <summary>Where a system's Open311 filings are indexed: one grain per system and month (yyyyMM, China Standard Time).</summary>
public static class Open311Index
{
    public static string Key(string system, int month) => $"{system}\n{month:D6}";

    /// <summary>The index grain of the month a case number's day (yyyyMMdd) falls in.</summary>
    public static IOpen311IndexGrain ForDay(this IGrainFactory grains, string system, int day) =>
        grains.GetGrain<IOpen311IndexGrain>(Key(system, day / 100));

    /// <summary>The index grain holding <paramref name="caseNumber"/> if <paramref name="system"/> filed it; null for numbers without a day.</summary>
    public static IOpen311IndexGrain? ForCase(this IGrainFactory grains, string system, string caseNumber) =>
        CaseNumber.DayIn(caseNumber) is { } day ? grains.ForDay(system, day) : null;

    /// <summary>The months (yyyyMM) from <paramref name="from"/> to <paramref name="to"/>, newest first.</summary>
    public static IEnumerable<int> MonthsBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var first = from.ToOffset(CentreDays.Offset);
        var month = to.ToOffset(CentreDays.Offset);
        for (var m = new DateOnly(month.Year, month.Month, 1); m >= new DateOnly(first.Year, first.Month, 1); m = m.AddMonths(-1))
        {
            yield return m.Year * 100 + m.Month;
        }
    }
}
