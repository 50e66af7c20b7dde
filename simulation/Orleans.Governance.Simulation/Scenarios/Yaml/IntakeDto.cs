namespace Orleans.Governance.Simulation.Scenarios.Yaml;

/// <summary>Shares of the triage inputs among registered cases.</summary>
internal sealed class IntakeDto
{
    public double? HighRiskShare { get; set; }

    public double? LongStandingShare { get; set; }

    public double? GroupShare { get; set; }

    public double? LitigationShare { get; set; }
}
