using Orleans.Governance.Simulation.Checks;

namespace Orleans.Governance.Simulation.Tests.Properties;

/// <summary>One checker and one seed for all whole-run properties, so that they share their runs.</summary>
public sealed class WholeRunFixture
{
    public const int CiTests = 4;

    public ulong Seed { get; } = SoakRuns.Seed();

    public ScenarioCheck Check { get; } = new(new RunChecker(CheckedCity.Scenario), VariationGenerator.Around(CheckedCity.Scenario, CheckedCity.MaxHorizonDays));

    /// <summary>Runs the property; on failure the message holds the shrunk counterexample and the seed to replay it.</summary>
    public void Holds(string name)
    {
        var outcome = Check.Check(RunProperties.All.Single(p => p.Name == name), SoakRuns.MaxTest(CiTests), Seed);
        Assert.True(outcome.Passed, $"""
            {name} falsified after {outcome.Tests} test(s), {outcome.Shrinks} shrink(s); replay with {SoakRuns.SeedVariable}={Seed} {SoakRuns.MaxTestVariable}={SoakRuns.MaxTest(CiTests)}.
            original: {outcome.Original}
            shrunk:   {outcome.Shrunk}
            {outcome.Violation}
            """);
    }
}
