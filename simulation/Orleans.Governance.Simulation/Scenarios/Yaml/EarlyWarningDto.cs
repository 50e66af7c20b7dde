namespace Orleans.Governance.Simulation.Scenarios.Yaml;

/// <summary>Overrides of the city's <c>EarlyWarningRule</c>.</summary>
internal sealed class EarlyWarningDto
{
    public double? Alpha { get; set; }

    public int? MaxWindowDays { get; set; }

    public int? BaselineDays { get; set; }

    public int? GuardDays { get; set; }

    public int? MinBaselineDays { get; set; }

    public int? MinObserved { get; set; }

    public string? MinLevel { get; set; }
}
