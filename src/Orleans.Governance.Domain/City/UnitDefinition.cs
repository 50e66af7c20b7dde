using System.Text.Json.Serialization;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Domain.City;

/// <summary>One grid or centre of a city file; it crosses the wire as <see cref="UnitDefinitionSurrogate"/>.</summary>
[Immutable, Alias("gov.unit-definition")]
public sealed record UnitDefinition
{
    public string Id { get; init; } = "";

    public string Name { get; init; } = "";

    [JsonConverter(typeof(LevelJsonConverter))]
    public required Level Level { get; init; }

    /// <summary>The unit one level up; absent only for the city.</summary>
    public string? Parent { get; init; }

    /// <summary>Mediator teams (a grid's grid workers are its team).</summary>
    public IReadOnlyList<MediatorTeam> Mediators { get; init; } = [];

    public IReadOnlyList<DepartmentDefinition> Departments { get; init; } = [];

    /// <summary>Where the unit sits; optional. Open311 reports with coordinates go to the nearest located grid.</summary>
    public UnitLocation? Location { get; init; }

    /// <summary>
    /// The unit with its teams replaced by one generalist team of <paramref name="count"/>, named as
    /// the unit's own generalist team (the first without skills; a grid's grid workers), if it has one.
    /// </summary>
    public UnitDefinition Restaffed(int count) =>
        this with { Mediators = [new MediatorTeam { Name = Mediators.FirstOrDefault(t => t.Skills is not { Count: > 0 })?.Name, Count = count }] };
}
