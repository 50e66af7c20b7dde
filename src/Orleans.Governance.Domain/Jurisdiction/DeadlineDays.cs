namespace Orleans.Governance.Domain.Jurisdiction;

/// <summary>What the days of a policy's time limits count.</summary>
public enum DeadlineDays
{
    /// <summary>Every day and hour counts (the default).</summary>
    Calendar,

    /// <summary>Only working days (工作日) count: weekends and public holidays do not, make-up working days (调休上班) do.</summary>
    Working,
}
