using Orleans.Governance.Api.Jurisdiction;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Api.Cases;

/// <summary>One line of the audit trail (一案一档).</summary>
public sealed record TrailEntryView(
    DateTimeOffset At,
    string Actor,
    CaseAction Action,
    string UnitId,
    Level Level,
    string? Reason,
    Grade? Grade,
    DepartmentKind? Department,
    string? MediatorId,
    EscalationKind? Escalation,
    ReferralTarget? Referral,
    bool JudicialConfirmation,
    int? Satisfaction,
    IReadOnlyList<DepartmentKind>? JointDepartments)
{
    public static TrailEntryView Of(AuditEntry e) =>
        new(e.At, e.Actor, e.Action, e.UnitId, e.Level, e.Reason, e.Grade, e.Department, e.MediatorId, e.Escalation, e.Referral,
            e.JudicialConfirmation, e.Satisfaction, e.JointDepartments);
}
