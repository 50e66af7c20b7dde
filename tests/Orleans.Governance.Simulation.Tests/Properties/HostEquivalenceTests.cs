using Orleans.Governance.Simulation.Checks;
using Orleans.Governance.Simulation.Hosts;
using Orleans.Governance.Simulation.Model;
using Orleans.Governance.Simulation.Output;
using Orleans.Governance.Simulation.Tests.Support;

namespace Orleans.Governance.Simulation.Tests.Properties;

/// <summary>The both-hosts property can fail, and the kernel host's parallel replications change nothing.</summary>
public sealed class HostEquivalenceTests
{
    [Fact]
    public void A_rule_changed_on_the_kernel_host_only_is_caught_at_its_first_diverging_event()
    {
        // The planted divergence: on the kernel host alone, a simple case is due in 2 days, not 3.
        var checker = new RunChecker(CheckedCity.Scenario, HostKind.Kernel, static observation => observation,
            kernelOnlyCity: static city => city with { Policy = city.Policy with { SimpleDays = 2 } });
        var check = new ScenarioCheck(checker, VariationGenerator.Around(CheckedCity.Scenario, CheckedCity.MaxHorizonDays));

        var outcome = check.Check(RunProperties.All.Single(p => p.Name == "both-hosts"), maxTests: 20, seed: 20261201);

        Assert.False(outcome.Passed, $"both-hosts did not catch the kernel-only rule in {outcome.Tests} tests");
        Assert.Contains("first divergence at", outcome.Violation, StringComparison.Ordinal);
        Assert.Contains("kernel:", outcome.Violation, StringComparison.Ordinal);
        Assert.True(outcome.Shrunk!.HorizonDays <= outcome.Original!.HorizonDays, $"shrunk {outcome.Shrunk} is not smaller than {outcome.Original}");
    }

    [Fact]
    public async Task Replications_in_parallel_on_the_kernel_give_the_json_of_replications_in_turn_on_one_silo()
    {
        var scenario = TestScenarios.Parse(TestScenarios.SampleCity(12, 4) + "\nreplications: 3");

        var kernel = JsonReport.Render(await Simulator.RunAsync(scenario, HostKind.Kernel));
        var grains = JsonReport.Render(await Simulator.RunAsync(scenario, HostKind.Grains));

        Assert.Equal(grains, kernel);
    }
}
