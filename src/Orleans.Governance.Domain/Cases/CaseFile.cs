using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Domain.Cases;

/// <summary>
/// A case as it stands: the fold of its audit trail (<see cref="CaseLifecycle.Evolve"/>), kept
/// beside the trail so that reads need no replay. One file per case (一案一档). Immutable to
/// everyone but <see cref="CaseLifecycle.Evolve"/>, which sets the state of a copy it has just
/// made, or of a working file (<see cref="Working"/>) in place.
/// </summary>
[GenerateSerializer, Immutable, Alias("gov.case-file")]
public sealed record CaseFile
{
    [Id(0)] public required string CaseId { get; init; }

    [Id(1)] public CaseStatus Status { get; internal set; }

    [Id(2)] public CaseIntake? Intake { get; internal set; }

    /// <summary>The unit that holds the case now.</summary>
    [Id(3)] public string? UnitId { get; internal set; }

    [Id(4)] public Level Level { get; internal set; }

    [Id(5)] public Grade? Grade { get; internal set; }

    [Id(6)] public DepartmentKind? Department { get; internal set; }

    [Id(7)] public string? MediatorId { get; internal set; }

    [Id(8)] public int? Satisfaction { get; internal set; }

    /// <summary>Append-only: every transition, warning and supervision, in order.</summary>
    [Id(9)] public IReadOnlyList<AuditEntry> Trail { get; internal set; } = [];

    public DateTimeOffset? RegisteredAt => Trail.Count > 0 ? Trail[0].At : null;

    /// <summary>The case is still being worked on somewhere (not resolved, referred, closed).</summary>
    public bool IsActive => Status is CaseStatus.Registered or CaseStatus.Triaged or CaseStatus.Assigned
        or CaseStatus.Accepted or CaseStatus.InMediation or CaseStatus.Failed;

    /// <summary>The facts a unit triages by; no personal data.</summary>
    public CaseFacts Facts => Intake is { } intake
        ? new CaseFacts(CaseId, intake.Type, intake.Channel, intake.HighRisk, intake.LongStanding, intake.AmountYuan, intake.Parties.Count, RegisteredAt!.Value, intake.Unit.Id)
        : throw new InvalidOperationException($"Case {CaseId} is not registered.");

    /// <summary>The file without its intake, whose parties are personal data: to show the case where they may not go.</summary>
    public CaseFile WithoutIntake() => this with { Intake = null };

    public static CaseFile Empty(string caseId) => new() { CaseId = caseId };

    /// <summary>
    /// A file its host keeps as the case's only copy, in memory (the simulator's kernel host):
    /// it changes in place, entry by entry, instead of being copied per entry, so nobody may keep
    /// an older version of it. Never stored or sent: grains start from <see cref="Empty"/>.
    /// </summary>
    public static CaseFile Working(string caseId) => new() { CaseId = caseId, Trail = new WorkingTrail() };
}
