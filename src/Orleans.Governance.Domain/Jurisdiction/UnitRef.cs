namespace Orleans.Governance.Domain.Jurisdiction;

/// <summary>A unit of the hierarchy named by id and level.</summary>
[GenerateSerializer, Immutable, Alias("gov.unit-ref")]
public sealed record UnitRef([property: Id(0)] string Id, [property: Id(1)] Level Level);
