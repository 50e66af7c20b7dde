namespace Orleans.Governance.Domain.Jurisdiction;

/// <summary>
/// Everything a grid or centre needs to know about itself, cut from the city definition when the
/// city is loaded: its place in the hierarchy, its people, its stationed departments, the policy.
/// </summary>
[GenerateSerializer, Immutable, Alias("gov.unit-profile")]
public sealed record UnitProfile(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] Level Level,
    [property: Id(3)] IReadOnlyList<UnitRef> Ancestors,
    [property: Id(4)] IReadOnlyList<UnitRef> Children,
    [property: Id(5)] IReadOnlyList<MediatorProfile> Mediators,
    [property: Id(6)] IReadOnlyList<StationedDepartment> Departments,
    [property: Id(7)] GovernancePolicy Policy)
{
    public UnitRef Ref => new(Id, Level);

    public UnitRef? Parent => Ancestors.Count > 0 ? Ancestors[0] : null;
}
