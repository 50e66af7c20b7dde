namespace Orleans.Governance.Domain.City;

/// <summary>A stationed department: kind (police, court, …) and stationing (resident, rotating, onCall).</summary>
[GenerateSerializer, Immutable, Alias("gov.department-definition")]
public sealed record DepartmentDefinition
{
    [Id(0)] public string Kind { get; init; } = "";

    [Id(1)] public string Stationing { get; init; } = "resident";
}
