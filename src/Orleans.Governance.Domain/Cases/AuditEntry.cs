using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Domain.Cases;

/// <summary>
/// One line of a case's append-only audit trail: who did what, when, where and why. Flat rather
/// than polymorphic so that it stores as plain JSON and exports as one CSV row; the optional
/// fields are set only by the actions they belong to.
/// </summary>
[GenerateSerializer, Immutable, Alias("gov.audit-entry")]
public sealed record AuditEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Actor,
    [property: Id(2)] CaseAction Action,
    [property: Id(3)] string UnitId,
    [property: Id(4)] Level Level)
{
    /// <summary>Why, in the actor's words (failure reason, note, escalation cause).</summary>
    [Id(5)] public string? Reason { get; init; }

    /// <summary>Triage: the grade fixed (定时限 follows from it).</summary>
    [Id(6)] public Grade? Grade { get; init; }

    /// <summary>Triage: the handling department (定部门), when one is stationed here.</summary>
    [Id(7)] public DepartmentKind? Department { get; init; }

    /// <summary>Assign: the mediator given the task.</summary>
    [Id(8)] public string? MediatorId { get; init; }

    /// <summary>Escalate: why the case went up.</summary>
    [Id(9)] public EscalationKind? Escalation { get; init; }

    /// <summary>Refer: arbitration or litigation.</summary>
    [Id(10)] public ReferralTarget? Referral { get; init; }

    /// <summary>Resolve: the agreement was judicially confirmed (司法确认).</summary>
    [Id(11)] public bool JudicialConfirmation { get; init; }

    /// <summary>Follow-up: satisfaction from 1 (very dissatisfied) to 5 (very satisfied).</summary>
    [Id(12)] public int? Satisfaction { get; init; }

    /// <summary>Session: departments that joined it (六调联动).</summary>
    [Id(13)] public IReadOnlyList<DepartmentKind>? JointDepartments { get; init; }
}
