using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Simulation.Output;
using Orleans.Governance.Simulation.Planning;
using Orleans.Governance.Simulation.Statistics;
using Orleans.Governance.Simulation.Tests.Support;

namespace Orleans.Governance.Simulation.Tests;

/// <summary><c>compare</c> and <c>sweep</c> on one M/M/c centre, where the direction of every effect is known.</summary>
public sealed class PlanningTests
{
    private static readonly FigureDescriptor<Figures<Estimate>> s_waitAtCity = FigureTable.AtLevel(Level.City, l => l.WaitBeforeAcceptanceDays.Mean);

    [Fact]
    public async Task A_scenario_compared_with_itself_differs_by_exactly_zero()
    {
        var scenario = TestScenarios.Parse(TestScenarios.SingleCentre(mediators: 2, arrivalsPerDay: 1.2, meanServiceDays: 1, replications: 2, horizonDays: 60, warmUpDays: 5));

        var comparison = await Comparison.RunAsync(scenario, scenario, seed: null, replications: 2);

        Assert.NotEmpty(comparison.Differences);
        Assert.All(comparison.Differences.SelectMany(d => d.Differences).Where(double.IsFinite), d => Assert.Equal(0, d));
        Assert.Equal(0, comparison.Of(s_waitAtCity).HalfWidth);
        Assert.False(comparison.Of(s_waitAtCity).Significant);
        Assert.Contains("\"schema\": \"orleans-governance-comparison/1\"", ComparisonReport.Render(comparison), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_third_mediator_shortens_the_wait_on_the_same_arrivals()
    {
        var two = TestScenarios.Parse(TestScenarios.SingleCentre(mediators: 2, arrivalsPerDay: 1.4, meanServiceDays: 1, replications: 5, horizonDays: 300, warmUpDays: 20));
        var three = TestScenarios.Parse(TestScenarios.SingleCentre(mediators: 3, arrivalsPerDay: 1.4, meanServiceDays: 1, replications: 5, horizonDays: 300, warmUpDays: 20));

        var comparison = await Comparison.RunAsync(two, three, seed: 5, replications: 5);

        // Common random numbers: the same disputes arrive in both, so only the waiting differs.
        Assert.All(comparison.Of(FigureTable.Total(t => t.CasesCreated)).Differences, d => Assert.Equal(0, d));
        var wait = comparison.Of(s_waitAtCity);
        Assert.True(wait.Mean + wait.HalfWidth < 0, $"B − A wait {wait.Mean:0.000} ± {wait.HalfWidth:0.000} days should be below 0");
        Assert.True(wait.Significant);
    }

    [Fact]
    public async Task A_sweep_finds_the_cheapest_staffing_that_meets_the_service_level()
    {
        // Deadline 5 days: one mediator at ρ = 1.5 cannot keep up; two or three can.
        var yaml = TestScenarios.SingleCentre(mediators: 1, arrivalsPerDay: 1.5, meanServiceDays: 1, replications: 2, horizonDays: 60, warmUpDays: 5)
            .Replace("simpleDays: 45", "simpleDays: 5", StringComparison.Ordinal);
        var scenario = TestScenarios.Parse(yaml);

        var sweep = await StaffingSweep.RunAsync(scenario, Level.City, from: 1, to: 3, target: 0.9);

        Assert.Equal([1, 2, 3], sweep.Points.Select(p => p.PerCentre));
        Assert.True(sweep.Points[0].ServiceLevel.Mean < 0.9, $"one mediator: {sweep.Points[0].ServiceLevel.Mean:P1} closed within deadline");
        Assert.True(sweep.Points[2].ServiceLevel.Mean > sweep.Points[0].ServiceLevel.Mean);
        Assert.NotNull(sweep.Cheapest);
        Assert.True(sweep.Cheapest.PerCentre > 1);
        Assert.All(sweep.Points.TakeWhile(p => p != sweep.Cheapest), p => Assert.True(p.ServiceLevel.Mean < 0.9));
        var html = SweepReport.Render(sweep, scenario.Name, ReportLabels.English);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains($"{sweep.Cheapest.PerCentre} mediators per city centre", html, StringComparison.Ordinal);
    }
}
