namespace Orleans.Governance.Domain.City;

/// <summary>One grid or centre of a city file.</summary>
[GenerateSerializer, Immutable, Alias("gov.unit-definition")]
public sealed record UnitDefinition
{
    [Id(0)] public string Id { get; init; } = "";

    [Id(1)] public string Name { get; init; } = "";

    /// <summary>grid, village, township, county or city.</summary>
    [Id(2)] public string Level { get; init; } = "";

    /// <summary>The unit one level up; absent only for the city.</summary>
    [Id(3)] public string? Parent { get; init; }

    /// <summary>Mediator teams (a grid's grid workers are its team).</summary>
    [Id(4)] public IReadOnlyList<MediatorTeam> Mediators { get; init; } = [];

    [Id(5)] public IReadOnlyList<DepartmentDefinition> Departments { get; init; } = [];

    /// <summary>Where the unit sits; optional. Open311 reports with coordinates go to the nearest located grid.</summary>
    [Id(6)] public UnitLocation? Location { get; init; }
}
