namespace Orleans.Governance.Domain.City;

/// <summary>
/// <see cref="UnitDefinition"/> on the wire (a city sent to <c>ICityGrain.LoadAsync</c>) in the
/// shape it had when its level was text: a record (Orleans writes a record's fields after an end of
/// base fields) with the same field ids, the level as its key. Silos of either version read what
/// the other sends, so a rolling upgrade can load a city (<c>UnitDefinitionWireTests</c>).
/// </summary>
[GenerateSerializer, Immutable]
public readonly record struct UnitDefinitionSurrogate
{
    [Id(0)] public string Id { get; init; }

    [Id(1)] public string Name { get; init; }

    [Id(2)] public string Level { get; init; }

    [Id(3)] public string? Parent { get; init; }

    [Id(4)] public IReadOnlyList<MediatorTeam> Mediators { get; init; }

    [Id(5)] public IReadOnlyList<DepartmentDefinition> Departments { get; init; }

    [Id(6)] public UnitLocation? Location { get; init; }
}
