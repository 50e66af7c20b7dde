namespace Orleans.Governance.Simulation.Scenarios.Yaml;

/// <summary>
/// Team sizes by level key (<c>township: 4</c>) and by unit id under <c>centres</c>; read by
/// <see cref="ScenarioYaml"/> as such so that the level keys stay <c>LevelNames</c>' alone.
/// </summary>
internal sealed class StaffingDto
{
    public const string CentresKey = "centres";

    public Dictionary<string, int?> Levels { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int?>? Centres { get; set; }
}
