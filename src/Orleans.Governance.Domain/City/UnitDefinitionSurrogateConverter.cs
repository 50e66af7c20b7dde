using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Domain.City;

/// <summary>Between a <see cref="UnitDefinition"/> and its wire shape.</summary>
[RegisterConverter]
public sealed class UnitDefinitionSurrogateConverter : IConverter<UnitDefinition, UnitDefinitionSurrogate>
{
    public UnitDefinition ConvertFromSurrogate(in UnitDefinitionSurrogate surrogate) => new()
    {
        Id = surrogate.Id,
        Name = surrogate.Name,
        Level = LevelNames.TryParse(surrogate.Level, out var level, ignoreCase: true)
            ? level
            : throw new ArgumentException($"Unit {surrogate.Id} has an unknown level '{surrogate.Level}'.", nameof(surrogate)),
        Parent = surrogate.Parent,
        Mediators = surrogate.Mediators,
        Departments = surrogate.Departments,
        Location = surrogate.Location,
    };

    public UnitDefinitionSurrogate ConvertToSurrogate(in UnitDefinition value) => new()
    {
        Id = value.Id,
        Name = value.Name,
        Level = LevelNames.Key(value.Level),
        Parent = value.Parent,
        Mediators = value.Mediators,
        Departments = value.Departments,
        Location = value.Location,
    };
}
