using System.Globalization;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Simulation.Intake;

/// <summary>The columns and time format of an intake log, shared by its reader and its writer (docs/replay.md).</summary>
public static class IntakeLogFormat
{
    public const string ReceivedAt = "receivedAt";
    public const string Unit = "unit";
    public const string Type = "type";
    public const string Channel = "channel";
    public const string AmountYuan = "amountYuan";
    public const string Parties = "parties";
    public const string HighRisk = "highRisk";
    public const string LongStanding = "longStanding";
    public const string HandlingDays = "handlingDays";
    public const string Outcome = "outcome";

    public const string Resolved = "resolved";
    public const string Failed = "failed";

    public static IReadOnlyList<string> Required { get; } = [ReceivedAt, Unit, Type, Channel];

    public static IReadOnlyList<string> Optional { get; } = [AmountYuan, Parties, HighRisk, LongStanding, HandlingDays, Outcome];

    /// <summary>What a run exports: every intake field, no observation (the seed draws those again).</summary>
    public static IReadOnlyList<string> Exported { get; } = [ReceivedAt, Unit, Type, Channel, AmountYuan, Parties, HighRisk, LongStanding];

    /// <summary>Written to the tick (trailing zeros dropped), so that a replayed case arrives at the very instant it did.</summary>
    private const string Written = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz";

    private static readonly string[] s_withOffset = ["yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz"];

    private static readonly string[] s_local = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];

    /// <summary>The scenario's day 0 at the centres' midnight: where replication 1 starts.</summary>
    public static DateTimeOffset Start(DateOnly startDate) => new(startDate.ToDateTime(TimeOnly.MinValue), CentreDays.Offset);

    public static string Format(DateTimeOffset at) => at.ToOffset(CentreDays.Offset).ToString(Written, CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 with an offset, or without one in China Standard Time (the centres' clocks).</summary>
    public static bool TryParseTime(string text, out DateTimeOffset at)
    {
        if (DateTimeOffset.TryParseExact(text, s_withOffset, CultureInfo.InvariantCulture, DateTimeStyles.None, out at))
        {
            return true;
        }

        if (DateTime.TryParseExact(text, s_local, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            at = new DateTimeOffset(local, CentreDays.Offset);
            return true;
        }

        return false;
    }
}
