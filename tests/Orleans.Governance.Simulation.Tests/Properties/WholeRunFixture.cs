using Orleans.Governance.Simulation.Checks;
using Orleans.Governance.Simulation.Hosts;

namespace Orleans.Governance.Simulation.Tests.Properties;

/// <summary>One checker per host and one seed for all whole-run properties, so that the properties of a host share their runs.</summary>
public sealed class WholeRunFixture
{
    public const int CiTests = 4;

    private readonly Dictionary<HostKind, ScenarioCheck> _checks = [];

    public ulong Seed { get; } = SoakRuns.Seed();

    public ScenarioCheck Check(HostKind host)
    {
        lock (_checks)
        {
            if (!_checks.TryGetValue(host, out var check))
            {
                check = new ScenarioCheck(new RunChecker(CheckedCity.Scenario, host), VariationGenerator.Around(CheckedCity.Scenario, CheckedCity.MaxHorizonDays));
                _checks.Add(host, check);
            }

            return check;
        }
    }

    /// <summary>Runs the property on <paramref name="host"/>; on failure the message holds the shrunk counterexample and the seed to replay it.</summary>
    public void Holds(string name, HostKind host, int ciTests = CiTests)
    {
        var outcome = Check(host).Check(RunProperties.All.Single(p => p.Name == name), SoakRuns.MaxTest(ciTests), Seed);
        Assert.True(outcome.Passed, $"""
            {name} on the {host} host falsified after {outcome.Tests} test(s), {outcome.Shrinks} shrink(s); replay with {SoakRuns.SeedVariable}={Seed} {SoakRuns.MaxTestVariable}={SoakRuns.MaxTest(ciTests)}.
            original: {outcome.Original}
            shrunk:   {outcome.Shrunk}
            {outcome.Violation}
            """);
    }
}
