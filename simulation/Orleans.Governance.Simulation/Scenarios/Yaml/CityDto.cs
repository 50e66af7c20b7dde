namespace Orleans.Governance.Simulation.Scenarios.Yaml;

/// <summary>Exactly one of a city file (relative to the scenario) and a generated shape.</summary>
internal sealed class CityDto
{
    public string? File { get; set; }

    public CityShapeDto? Shape { get; set; }
}
