namespace Orleans.Governance.Simulation.Scenarios.Yaml;

/// <summary>Follow-up visits (回访): the share visited, when, and the satisfaction they find.</summary>
internal sealed class FollowUpDto
{
    public double? Share { get; set; }

    public DurationDto? Delay { get; set; }

    public SatisfactionDto? Satisfaction { get; set; }
}
