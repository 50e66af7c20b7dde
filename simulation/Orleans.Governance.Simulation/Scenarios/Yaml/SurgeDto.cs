namespace Orleans.Governance.Simulation.Scenarios.Yaml;

/// <summary>One surge of <see cref="CalendarDto.Surges"/>; absent types or units mean all of them.</summary>
internal sealed class SurgeDto
{
    public double? FromDay { get; set; }

    public double? ToDay { get; set; }

    public double? Multiplier { get; set; }

    public List<string>? Types { get; set; }

    public List<string>? Units { get; set; }
}
