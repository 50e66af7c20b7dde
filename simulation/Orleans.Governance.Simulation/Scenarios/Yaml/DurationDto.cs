namespace Orleans.Governance.Simulation.Scenarios.Yaml;

/// <summary>A duration as written: <c>{ distribution: lognormal, meanDays: 2, sdDays: 1 }</c>.</summary>
internal sealed class DurationDto
{
    public string? Distribution { get; set; }

    public double? MeanDays { get; set; }

    public double? SdDays { get; set; }
}
