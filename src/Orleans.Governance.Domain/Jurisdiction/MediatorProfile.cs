using Orleans.Governance.Domain.Cases;

namespace Orleans.Governance.Domain.Jurisdiction;

/// <summary>A mediator (or a grid's grid worker): the case types they handle and how many at once.</summary>
[GenerateSerializer, Immutable, Alias("gov.mediator")]
public sealed record MediatorProfile(
    [property: Id(0)] string Id,
    [property: Id(1)] IReadOnlyList<CaseType> Skills,
    [property: Id(2)] int Capacity);
