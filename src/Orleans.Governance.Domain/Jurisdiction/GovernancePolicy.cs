using System.Text.Json.Serialization;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Warnings;

namespace Orleans.Governance.Domain.Jurisdiction;

/// <summary>
/// A city's rules for deadlines, warnings and raises. The defaults are our reading of the
/// "3715" time-limited closure mechanism: simple 3 days, normal 7, complex 15.
/// </summary>
[GenerateSerializer, Immutable, Alias("gov.policy")]
public sealed record GovernancePolicy
{
    [Id(0)] public double SimpleDays { get; init; } = 3;

    [Id(1)] public double NormalDays { get; init; } = 7;

    [Id(2)] public double ComplexDays { get; init; } = 15;

    /// <summary>High-risk cases are raised a level and handled under the complex deadline by default.</summary>
    [Id(3)] public double HighRiskDays { get; init; } = 15;

    /// <summary>Long-standing cases get a longer follow-up horizon (社区门诊).</summary>
    [Id(4)] public double LongStandingDays { get; init; } = 30;

    /// <summary>An assigned task still unsigned after this many hours raises a warning (未签收预警).</summary>
    [Id(5)] public double SignWarningHours { get; init; } = 24;

    /// <summary>Days past the deadline after which an overdue case is escalated; null: supervise only, never escalate.</summary>
    [Id(6)] public double? OverdueEscalationDays { get; init; } = 3;

    /// <summary>The level a high-risk case is raised to at triage (提级会诊), skipping the levels between.</summary>
    [Id(7)] public Level HighRiskRaiseTo { get; init; } = Level.County;

    /// <summary>An amount in dispute at or above this (yuan) makes a case complex.</summary>
    [Id(8)] public long ComplexAmountYuan { get; init; } = 100_000;

    /// <summary>This many parties or more make a case complex (a group dispute).</summary>
    [Id(9)] public int ComplexPartyCount { get; init; } = 3;

    /// <summary>When a spike of arrivals raises an early warning (研判预警).</summary>
    [Id(10)] public EarlyWarningRule EarlyWarning { get; init; } = new();

    /// <summary>Whether the time limits, the overdue grace and the sign warning count every day or only working days.</summary>
    [Id(11), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public DeadlineDays DeadlineDays { get; init; }

    /// <summary>The working days when <see cref="DeadlineDays"/> is <see cref="DeadlineDays.Working"/>; null: Monday to Friday.</summary>
    [Id(12)] public WorkingCalendar? WorkingCalendar { get; init; }

    /// <summary>A year: the longest deadline or grace a policy may set (deadlines are added to instants and armed as timers).</summary>
    public const double MaxDays = 365;

    public const long MaxAmountYuan = 1_000_000_000_000;

    public const int MaxPartyCount = 10_000;

    /// <summary>The time allowed to close a case of this grade, counted from its triage at a level.</summary>
    public TimeSpan DeadlineFor(Grade grade) => TimeSpan.FromDays(grade switch
    {
        Grade.Simple => SimpleDays,
        Grade.Normal => NormalDays,
        Grade.Complex => ComplexDays,
        Grade.HighRisk => HighRiskDays,
        Grade.LongStanding => LongStandingDays,
        _ => throw new ArgumentOutOfRangeException(nameof(grade), grade, "Unknown grade."),
    });

    [JsonIgnore]
    public TimeSpan SignWarningAfter => TimeSpan.FromHours(SignWarningHours);

    /// <summary>
    /// When a period of this policy (a time limit, the grace, the sign warning) that starts at
    /// <paramref name="at"/> ends: every deadline is computed here, so the alarms, the figures and
    /// what a case shows agree.
    /// </summary>
    public DateTimeOffset After(DateTimeOffset at, TimeSpan period) =>
        DeadlineDays == DeadlineDays.Working ? (WorkingCalendar ?? WorkingCalendar.Weekdays).Add(at, period) : at + period;

    /// <summary>Problems with the values, each naming the field; empty when the policy is usable.</summary>
    public IEnumerable<string> Validate()
    {
        foreach (var (name, value, max) in new[]
        {
            ("simpleDays", SimpleDays, MaxDays), ("normalDays", NormalDays, MaxDays), ("complexDays", ComplexDays, MaxDays), ("highRiskDays", HighRiskDays, MaxDays),
            ("longStandingDays", LongStandingDays, MaxDays), ("signWarningHours", SignWarningHours, MaxDays * 24),
        })
        {
            if (!(value > 0 && value <= max))
            {
                yield return $"policy.{name} must be a positive number of at most {max}, got {value}";
            }
        }

        if (OverdueEscalationDays is { } grace && !(grace >= 0 && grace <= MaxDays))
        {
            yield return $"policy.overdueEscalationDays must be from 0 to {MaxDays} (or null to never escalate), got {grace}";
        }

        if (HighRiskRaiseTo is < Level.Village or > Level.City)
        {
            yield return $"policy.highRiskRaiseTo must be a centre level (Village..City), got {HighRiskRaiseTo}";
        }

        if (ComplexAmountYuan is < 0 or > MaxAmountYuan)
        {
            yield return $"policy.complexAmountYuan must be from 0 to {MaxAmountYuan}, got {ComplexAmountYuan}";
        }

        if (ComplexPartyCount is < 2 or > MaxPartyCount)
        {
            yield return $"policy.complexPartyCount must be from 2 to {MaxPartyCount}, got {ComplexPartyCount}";
        }

        if (!Enum.IsDefined(DeadlineDays))
        {
            yield return $"policy.deadlineDays must be calendar or working, got {DeadlineDays}";
        }
        else if (WorkingCalendar is not null && DeadlineDays != DeadlineDays.Working)
        {
            yield return $"policy.workingCalendar is {WorkingCalendar.Source} but policy.deadlineDays is not working — set deadlineDays: working to count its working days";
        }

        foreach (var problem in EarlyWarning?.Validate() ?? ["policy.earlyWarning must not be null"])
        {
            yield return problem;
        }
    }
}
