using YamlDotNet.Serialization;

namespace Orleans.Governance.Simulation.Scenarios.Yaml;

/// <summary>Overrides of the city's <c>GovernancePolicy</c>; an absent field keeps the city's value.</summary>
internal sealed class PolicyDto
{
    public double? SimpleDays { get; set; }

    public double? NormalDays { get; set; }

    public double? ComplexDays { get; set; }

    public double? HighRiskDays { get; set; }

    public double? LongStandingDays { get; set; }

    public double? SignWarningHours { get; set; }

    /// <summary>Written as null, overdue cases never escalate; absent, the city's grace holds: the setter tells the two apart.</summary>
    public double? OverdueEscalationDays
    {
        get;
        set
        {
            field = value;
            HasOverdueEscalationDays = true;
        }
    }

    [YamlIgnore]
    public bool HasOverdueEscalationDays { get; private set; }

    public string? HighRiskRaiseTo { get; set; }

    public long? ComplexAmountYuan { get; set; }

    public int? ComplexPartyCount { get; set; }

    public EarlyWarningDto? EarlyWarning { get; set; }

    public string? DeadlineDays { get; set; }

    public string? WorkingCalendar { get; set; }
}
