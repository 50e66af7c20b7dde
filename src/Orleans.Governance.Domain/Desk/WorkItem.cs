using Orleans.Governance.Domain.Cases;

namespace Orleans.Governance.Domain.Desk;

/// <summary>A case on the worklist of unit <see cref="UnitId"/>: what the desk knows of it, no personal data.</summary>
[GenerateSerializer, Immutable, Alias("gov.work-item")]
public sealed record WorkItem(
    [property: Id(0)] string CaseId,
    [property: Id(1)] CaseType Type,
    [property: Id(2)] Grade Grade,
    [property: Id(3)] CaseStatus Status,
    [property: Id(4)] string? MediatorId,
    [property: Id(5)] DateTimeOffset AdmittedAt,
    [property: Id(6)] DateTimeOffset? SignBy,
    [property: Id(7)] DateTimeOffset CloseBy,
    [property: Id(8)] bool Warned,
    [property: Id(9)] bool Overdue,
    [property: Id(10)] string UnitId);
