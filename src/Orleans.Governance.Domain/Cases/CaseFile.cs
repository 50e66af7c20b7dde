using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Domain.Cases;

/// <summary>
/// A case as it stands: the fold of its audit trail (<see cref="CaseLifecycle.Evolve"/>), kept
/// beside the trail so that reads need no replay. One file per case (一案一档).
/// </summary>
[GenerateSerializer, Immutable, Alias("gov.case-file")]
public sealed record CaseFile
{
    [Id(0)] public required string CaseId { get; init; }

    [Id(1)] public CaseStatus Status { get; init; }

    [Id(2)] public CaseIntake? Intake { get; init; }

    /// <summary>The unit that holds the case now.</summary>
    [Id(3)] public string? UnitId { get; init; }

    [Id(4)] public Level Level { get; init; }

    [Id(5)] public Grade? Grade { get; init; }

    [Id(6)] public DepartmentKind? Department { get; init; }

    [Id(7)] public string? MediatorId { get; init; }

    [Id(8)] public int? Satisfaction { get; init; }

    /// <summary>Append-only: every transition, warning and supervision, in order.</summary>
    [Id(9)] public IReadOnlyList<AuditEntry> Trail { get; init; } = [];

    public DateTimeOffset? RegisteredAt => Trail.Count > 0 ? Trail[0].At : null;

    /// <summary>The case is still being worked on somewhere (not resolved, referred, closed).</summary>
    public bool IsActive => Status is CaseStatus.Registered or CaseStatus.Triaged or CaseStatus.Assigned
        or CaseStatus.Accepted or CaseStatus.InMediation or CaseStatus.Failed;

    /// <summary>The facts a unit triages by; no personal data.</summary>
    public CaseFacts Facts => Intake is { } intake
        ? new CaseFacts(CaseId, intake.Type, intake.Channel, intake.HighRisk, intake.LongStanding, intake.AmountYuan, intake.Parties.Count, RegisteredAt!.Value, intake.Unit.Id)
        : throw new InvalidOperationException($"Case {CaseId} is not registered.");

    public static CaseFile Empty(string caseId) => new() { CaseId = caseId };
}
