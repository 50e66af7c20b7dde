namespace Orleans.Governance.Domain.Desk;

/// <summary>The alarms of a unit's deadline watch; flags, so a case can record which have fired.</summary>
[Flags]
public enum DeadlineKind
{
    None = 0,

    /// <summary>Assigned but unsigned for too long (未签收预警).</summary>
    SignWarning = 1,

    /// <summary>Past its deadline: supervision (督办).</summary>
    Overdue = 2,

    /// <summary>Past its deadline and the policy's grace: escalate.</summary>
    OverdueEscalation = 4,
}
