using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Domain.Cases;

/// <summary>
/// A case's deadlines at its current level, computed from its audit trail and the policy alone:
/// sign by (assignment + warning period, while unsigned), close by (triage + the grade's time
/// limit) and escalate by (close by + the policy's grace, when the policy escalates overdue cases),
/// each period counted in the policy's days (<see cref="GovernancePolicy.After"/>).
/// </summary>
public readonly record struct CaseDeadlines(DateTimeOffset? SignBy, DateTimeOffset? CloseBy, DateTimeOffset? EscalateBy)
{
    public static CaseDeadlines From(IReadOnlyList<AuditEntry> trail, GovernancePolicy policy)
    {
        DateTimeOffset? assignedAt = null;
        AuditEntry? triage = null;
        var signed = false;
        var active = true;

        // Walk back to the last arrival at the current level (register or escalate): only what
        // happened since then counts.
        for (var i = trail.Count - 1; i >= 0; i--)
        {
            var entry = trail[i];
            switch (entry.Action)
            {
                case CaseAction.Accept:
                    signed = true;
                    break;
                case CaseAction.Assign when assignedAt is null:
                    assignedAt = entry.At;
                    break;
                case CaseAction.Triage when triage is null:
                    triage = entry;
                    break;
                case CaseAction.Resolve or CaseAction.Refer or CaseAction.Close or CaseAction.FollowUp:
                    active = false;
                    break;
            }

            if (entry.Action is CaseAction.Register or CaseAction.Escalate)
            {
                break;
            }
        }

        if (!active || triage is null)
        {
            return default;
        }

        return At(triage.At, triage.Grade!.Value, signed ? null : assignedAt, policy);
    }

    /// <summary>The deadlines of a case triaged at <paramref name="triagedAt"/> and, if still unsigned, assigned at <paramref name="unsignedSince"/>.</summary>
    public static CaseDeadlines At(DateTimeOffset triagedAt, Grade grade, DateTimeOffset? unsignedSince, GovernancePolicy policy)
    {
        var closeBy = policy.After(triagedAt, policy.DeadlineFor(grade));
        return new CaseDeadlines(
            SignBy: unsignedSince is { } since ? policy.After(since, policy.SignWarningAfter) : null,
            CloseBy: closeBy,
            EscalateBy: policy.OverdueEscalationDays is { } grace ? policy.After(closeBy, TimeSpan.FromDays(grace)) : null);
    }
}
