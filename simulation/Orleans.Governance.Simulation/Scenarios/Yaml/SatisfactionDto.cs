namespace Orleans.Governance.Simulation.Scenarios.Yaml;

/// <summary>Weights of satisfaction 1 … 5 after an agreement and after a referral.</summary>
internal sealed class SatisfactionDto
{
    public List<double>? Resolved { get; set; }

    public List<double>? Referred { get; set; }
}
