namespace Orleans.Governance.Domain.Jurisdiction;

/// <summary>The centres count their days in China Standard Time (北京时间): case numbers, daily figures and early warnings alike.</summary>
public static class CentreDays
{
    public static TimeSpan Offset { get; } = TimeSpan.FromHours(8);

    /// <summary>The centres' calendar day at an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Offset).DateTime);

    /// <summary>The centres' first midnight at or after an instant.</summary>
    public static DateTimeOffset NextMidnight(DateTimeOffset at)
    {
        var local = at.ToOffset(Offset);
        return local.TimeOfDay == TimeSpan.Zero ? local : new DateTimeOffset(local.Date.AddDays(1), Offset);
    }
}
