using Orleans.Governance.Simulation.Scenarios;
using Orleans.Governance.Simulation.Tests.Support;

namespace Orleans.Governance.Simulation.Tests.Properties;

/// <summary>The scenario the whole-run properties vary: the sample city (every level, escalations, high-risk raises, deadlines), horizons of a week at most.</summary>
public static class CheckedCity
{
    public const int MaxHorizonDays = 7;

    public static Scenario Scenario { get; } = TestScenarios.Parse(TestScenarios.SampleCity(MaxHorizonDays, 1));

    /// <summary>The same scenario as a file, for the command: the city named by its absolute path.</summary>
    public static string WriteFile(string directory)
    {
        var yaml = TestScenarios.SampleCity(MaxHorizonDays, 1).Replace("file: sample.json", $"file: '{Path.Combine(TestScenarios.Directory, "sample.json")}'", StringComparison.Ordinal);
        var path = Path.Combine(directory, "checked-city.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
