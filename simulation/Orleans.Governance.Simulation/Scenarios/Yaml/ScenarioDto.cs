namespace Orleans.Governance.Simulation.Scenarios.Yaml;

/// <summary>
/// A scenario file as written (schema: docs/simulator.md); <see cref="ScenarioReader"/> checks it
/// and makes the <see cref="Scenario"/>. Sections keyed by case type, level, channel or unit id are
/// dictionaries, their keys checked against the domain's names rather than spelt out again here.
/// The order of the properties is the order "expected one of" lists them in.
/// </summary>
internal sealed class ScenarioDto
{
    public string? Name { get; set; }

    public long? Seed { get; set; }

    public int? Replications { get; set; }

    public double? HorizonDays { get; set; }

    public double? WarmUpDays { get; set; }

    public string? StartDate { get; set; }

    public CityDto? City { get; set; }

    public StaffingDto? Staffing { get; set; }

    public PolicyDto? Policy { get; set; }

    /// <summary>Case type → ratePer&lt;Level&gt;PerDay → rate.</summary>
    public Dictionary<string, Dictionary<string, double?>?>? Arrivals { get; set; }

    public CalendarDto? Calendar { get; set; }

    /// <summary><c>default</c> or a case type → level → duration.</summary>
    public Dictionary<string, Dictionary<string, DurationDto?>?>? Handling { get; set; }

    /// <summary><c>default</c> or a case type → level → probability.</summary>
    public Dictionary<string, Dictionary<string, double?>?>? Resolution { get; set; }

    public DurationDto? SignDelay { get; set; }

    public DurationDto? CloseDelay { get; set; }

    public FollowUpDto? FollowUp { get; set; }

    public Dictionary<string, double?>? Channels { get; set; }

    public IntakeDto? Intake { get; set; }
}
