namespace Orleans.Governance.Domain.Jurisdiction;

/// <summary>A department present in a centre and how it is present.</summary>
[GenerateSerializer, Immutable, Alias("gov.stationed-department")]
public sealed record StationedDepartment([property: Id(0)] DepartmentKind Kind, [property: Id(1)] Stationing Stationing);
