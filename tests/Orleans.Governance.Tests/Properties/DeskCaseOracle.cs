using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Desk;

namespace Orleans.Governance.Tests.Properties;

/// <summary>What the alarm oracle knows of one case at the desk, kept apart from the desk's own state.</summary>
public sealed class DeskCaseOracle(string caseId, Grade grade, DateTimeOffset admittedAt, bool leaving)
{
    public string CaseId { get; } = caseId;

    public Grade Grade { get; } = grade;

    public DateTimeOffset AdmittedAt { get; } = admittedAt;

    public DateTimeOffset? AssignedAt { get; set; }

    public CaseStatus Status { get; set; } = CaseStatus.Triaged;

    /// <summary>Raised at admission, or its overdue escalation fired: the desk has asked it to leave.</summary>
    public bool Leaving { get; set; } = leaving;

    public bool Released { get; set; }

    public DeadlineKind Fired { get; set; }

    /// <summary>The alarms this case is eligible for now, with their times (sign-by only while assigned and unsigned).</summary>
    public IEnumerable<DeadlineAlarm> Eligible(TimeSpan limit, TimeSpan signAfter, TimeSpan? escalateAfter)
    {
        if (Released || Leaving || Status is CaseStatus.Resolved or CaseStatus.Referred or CaseStatus.Closed or CaseStatus.FollowedUp)
        {
            yield break;
        }

        if (Status == CaseStatus.Assigned && AssignedAt is { } assigned)
        {
            yield return new DeadlineAlarm(assigned + signAfter, CaseId, DeadlineKind.SignWarning);
        }

        yield return new DeadlineAlarm(AdmittedAt + limit, CaseId, DeadlineKind.Overdue);
        if (escalateAfter is { } grace)
        {
            yield return new DeadlineAlarm(AdmittedAt + limit + grace, CaseId, DeadlineKind.OverdueEscalation);
        }
    }
}
