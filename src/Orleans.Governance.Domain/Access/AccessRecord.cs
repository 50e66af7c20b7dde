namespace Orleans.Governance.Domain.Access;

/// <summary>One read of a case's parties unmasked: who, with which role at which unit, and when (PIPL 个人信息访问记录).</summary>
[GenerateSerializer, Immutable, Alias("gov.access-record")]
public sealed record AccessRecord(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string UserId,
    [property: Id(2)] Role Role,
    [property: Id(3)] string UnitId,
    [property: Id(4)] string Purpose);
