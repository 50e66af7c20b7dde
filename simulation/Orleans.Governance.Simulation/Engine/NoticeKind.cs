namespace Orleans.Governance.Simulation.Engine;

/// <summary>What the silo told the engine about a case.</summary>
public enum NoticeKind
{
    /// <summary>A unit admitted the case (registered or escalated there): assigned at once, or queued.</summary>
    Admitted,

    /// <summary>A unit gave the queued case to a freed mediator.</summary>
    AssignedFromQueue,

    /// <summary>A unit's deadline watch raised an alarm for the case.</summary>
    Alarm,
}
