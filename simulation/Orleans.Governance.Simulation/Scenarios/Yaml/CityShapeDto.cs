using YamlDotNet.Serialization;

namespace Orleans.Governance.Simulation.Scenarios.Yaml;

/// <summary>A generated city: a named shape (<c>shape: dezhou</c>) or its counts, each defaulting to the sample's.</summary>
internal sealed class CityShapeDto
{
    /// <summary>The name when the shape is written as one word (<see cref="ScenarioYaml"/> reads it so).</summary>
    [YamlIgnore]
    public string? Named { get; init; }

    public string? Id { get; set; }

    public string? Name { get; set; }

    public int? Counties { get; set; }

    public int? Townships { get; set; }

    public int? Villages { get; set; }

    public int? Grids { get; set; }

    public int? VillageMediators { get; set; }

    public int? TownshipMediators { get; set; }

    public int? CountyMediators { get; set; }

    public int? CityMediators { get; set; }

    public int? Seed { get; set; }
}
