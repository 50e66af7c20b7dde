using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Governance.Abstractions;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Simulation.Hosting;
using Orleans.Governance.Simulation.Model;
using Orleans.Governance.Simulation.Tests.Support;

namespace Orleans.Governance.Simulation.Tests;

/// <summary>The units' deadline watches are grain timers on the TimeProvider from DI: in a simulation they fire at virtual time.</summary>
public sealed class VirtualTimeTests
{
    [Fact]
    public async Task A_deadline_watch_fires_at_the_virtual_deadline()
    {
        // Mediation takes a fixed 10 days against a 3-day deadline for simple cases: each case is supervised at exactly +3 days.
        var yaml = TestScenarios.SingleCentre(1, 0.5, 1, 1, 12, 0)
            .Replace("simpleDays: 45", "simpleDays: 3", StringComparison.Ordinal)
            .Replace("city: { distribution: exponential, meanDays: 1 }", "city: { distribution: fixed, meanDays: 10 }", StringComparison.Ordinal);
        var scenario = TestScenarios.Parse(yaml);
        var start = new DateTimeOffset(scenario.StartDate.ToDateTime(TimeOnly.MinValue), CentreDays.Offset);
        await using var silo = await SimulationSilo.StartAsync(start);
        var run = await new ReplicationRun(scenario, 1, silo, null, NullLogger.Instance).RunAsync();

        var file = await silo.Grains.GetGrain<ICaseGrain>("r1-c1").GetAsync();
        var triage = Assert.Single(file.Trail, e => e.Action == CaseAction.Triage);
        var supervision = Assert.Single(file.Trail, e => e.Action == CaseAction.Supervise);
        Assert.Equal(triage.At.AddDays(3), supervision.At);
        Assert.True(supervision.At > start.AddDays(3), "the deadline is in virtual time, days after the wall clock's now");
        Assert.True(run.Figures.Single(f => f.Key == "totals.overdue").Value >= 1);
    }

    [Fact]
    public async Task A_replication_after_a_part_day_horizon_starts_at_the_centres_next_midnight()
    {
        // Two and a half days each: replication 2 waits from noon of day 2 to midnight of day 3
        // (China Standard Time), so its days, and the detector's, are whole centres' days.
        var scenario = TestScenarios.Parse(TestScenarios.WarningCity(2.5, 1));
        await using var silo = await SimulationSilo.StartAsync(new DateTimeOffset(scenario.StartDate.ToDateTime(TimeOnly.MinValue), CentreDays.Offset));
        await new ReplicationRun(scenario, 1, silo, null, NullLogger.Instance).RunAsync();
        await new ReplicationRun(scenario, 2, silo, null, NullLogger.Instance).RunAsync();

        var rollup = await silo.Grains.GetUnit(new UnitRef("r2-ew", Level.City)).GetDailyRollupAsync(scenario.StartDate.AddDays(10));

        Assert.Equal(scenario.StartDate.AddDays(3), rollup.Series.Since);
        Assert.Equal([3, 4, 5], rollup.Series.Days.Select(d => d.Day.DayNumber - scenario.StartDate.DayNumber));
    }
}
