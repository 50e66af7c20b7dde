namespace Orleans.Governance.Simulation.Scenarios.Yaml;

/// <summary>Arrival multipliers by weekday and month, and surges.</summary>
internal sealed class CalendarDto
{
    public List<double>? DayOfWeek { get; set; }

    public List<double>? Monthly { get; set; }

    public List<SurgeDto?>? Surges { get; set; }
}
