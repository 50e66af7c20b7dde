using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Domain.City;

/// <summary>
/// A city as written in a city file (docs/city-format.md): its policy and a flat list of units,
/// each naming its parent. Case types, departments and stationings are kept as text here so that
/// validation can name the bad entry and value instead of failing inside the JSON reader; a unit's
/// level is typed, and an unknown one is named by <see cref="CityFile"/> as validation would.
/// </summary>
[GenerateSerializer, Immutable, Alias("gov.city-definition")]
public sealed record CityDefinition
{
    [Id(0)] public string Id { get; init; } = "";

    [Id(1)] public string Name { get; init; } = "";

    [Id(2)] public GovernancePolicy Policy { get; init; } = new();

    [Id(3)] public IReadOnlyList<UnitDefinition> Units { get; init; } = [];

    /// <summary>The city with every unit for which <paramref name="staff"/> gives a number staffed by one generalist team of that size (<see cref="UnitDefinition.Restaffed"/>).</summary>
    public CityDefinition Restaffed(Func<UnitDefinition, int?> staff) =>
        this with { Units = [.. Units.Select(unit => staff(unit) is { } count ? unit.Restaffed(count) : unit)] };
}
