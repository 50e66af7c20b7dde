using Orleans.Governance.Simulation.Checks;
using Orleans.Governance.Simulation.Hosts;
using Orleans.Governance.Simulation.Model;
using Orleans.Governance.Simulation.Output;
using Orleans.Governance.Simulation.Tests.Support;

namespace Orleans.Governance.Simulation.Tests.Properties;

/// <summary>The both-hosts property can fail, holds under working-day deadlines, and the kernel host's parallel replications change nothing.</summary>
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
    public void The_hosts_agree_when_deadlines_count_working_days_across_the_spring_festival()
    {
        // From Monday 9 February: deadlines fall due before the holiday, then jump past it, and Saturday 14 is worked.
        var scenario = TestScenarios.Parse(TestScenarios.SampleCity(CheckedCity.MaxHorizonDays, 1)
            + "\nstartDate: 2026-02-09\npolicy: { deadlineDays: working, workingCalendar: cn-2026.json, signWarningHours: 8 }");
        var check = new ScenarioCheck(new RunChecker(scenario, HostKind.Kernel), VariationGenerator.Around(scenario, CheckedCity.MaxHorizonDays));

        var outcome = check.Check(RunProperties.All.Single(p => p.Name == "both-hosts"), maxTests: 8, seed: 20260209);

        Assert.True(outcome.Passed, $"both-hosts failed under working days: shrunk {outcome.Shrunk}{Environment.NewLine}{outcome.Violation}");
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
