using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Simulation.Hosts;
using Orleans.Governance.Simulation.Model;
using Orleans.Governance.Simulation.Tests.Support;

namespace Orleans.Governance.Simulation.Tests;

/// <summary>
/// The units' wake-ups fire at virtual time on both hosts: grain timers on the TimeProvider from
/// DI on the grain host, the same virtual timers driven directly on the kernel host.
/// </summary>
public sealed class VirtualTimeTests
{
    [Theory]
    [InlineData(HostKind.Kernel)]
    [InlineData(HostKind.Grains)]
    public async Task A_deadline_watch_fires_at_the_virtual_deadline(HostKind kind)
    {
        // Mediation takes a fixed 10 days against a 3-day deadline for simple cases: each case is supervised at exactly +3 days.
        var yaml = TestScenarios.SingleCentre(1, 0.5, 1, 1, 12, 0)
            .Replace("simpleDays: 45", "simpleDays: 3", StringComparison.Ordinal)
            .Replace("city: { distribution: exponential, meanDays: 1 }", "city: { distribution: fixed, meanDays: 10 }", StringComparison.Ordinal);
        var scenario = TestScenarios.Parse(yaml);
        var start = new DateTimeOffset(scenario.StartDate.ToDateTime(TimeOnly.MinValue), CentreDays.Offset);
        await using var host = await IGovernanceHost.StartAsync(kind, start, keepCases: true);
        var run = await new ReplicationRun(scenario, 1, host, null, NullLogger.Instance).RunAsync();

        var file = await host.GetCaseAsync("r1-c1");
        var triage = Assert.Single(file.Trail, e => e.Action == CaseAction.Triage);
        var supervision = Assert.Single(file.Trail, e => e.Action == CaseAction.Supervise);
        Assert.Equal(triage.At.AddDays(3), supervision.At);
        Assert.True(supervision.At > start.AddDays(3), "the deadline is in virtual time, days after the wall clock's now");
        Assert.True(run.Figures.Totals.Overdue >= 1);
    }

    [Fact]
    public async Task A_deadline_longer_than_a_grain_timer_waits_escalates_on_time()
    {
        // A 60-day deadline and 3 days' grace, past the 49.7 days a grain timer can wait: the unit
        // wakes on the way (UnitHandler.MaxWait) and escalates each case to the city at exactly +63 days.
        var yaml = TestScenarios.SingleCentre(1, 0.5, 1, 1, 70, 0)
            .Replace("policy: { overdueEscalationDays: null, simpleDays: 45 }", "policy: { overdueEscalationDays: 3, simpleDays: 60 }", StringComparison.Ordinal)
            .Replace("ratePerCityPerDay", "ratePerCountyPerDay", StringComparison.Ordinal)
            .Replace("county: { distribution: fixed, meanDays: 0 }", "county: { distribution: fixed, meanDays: 100 }", StringComparison.Ordinal);
        var scenario = TestScenarios.Parse(yaml);
        var start = new DateTimeOffset(scenario.StartDate.ToDateTime(TimeOnly.MinValue), CentreDays.Offset);
        await using var host = await IGovernanceHost.StartAsync(HostKind.Kernel, start, keepCases: true);
        var run = await new ReplicationRun(scenario, 1, host, null, NullLogger.Instance) { KeepsCaseTracks = true }.RunAsync();

        var files = await Task.WhenAll(run.Cases.Select(c => host.GetCaseAsync(c.Id)));
        var escalated = files.Where(f => f.Trail.Any(e => e.Action == CaseAction.Escalate)).ToList();
        Assert.NotEmpty(escalated);
        Assert.All(escalated, file =>
        {
            var triage = file.Trail.First(e => e.Action == CaseAction.Triage);
            var escalation = file.Trail.Single(e => e.Action == CaseAction.Escalate);
            Assert.Equal((triage.At.AddDays(63), Level.City), (escalation.At, escalation.Level));
        });
    }

    [Fact]
    public async Task A_replication_after_a_part_day_horizon_starts_at_the_centres_next_midnight()
    {
        // Two and a half days each: on one silo, replication 2 waits from noon of day 2 to midnight
        // of day 3 (China Standard Time), so its days, and the detector's, are whole centres' days.
        var scenario = TestScenarios.Parse(TestScenarios.WarningCity(2.5, 1));
        await using var silo = await IGovernanceHost.StartAsync(HostKind.Grains, Simulator.ClockAtStart(scenario, 1));
        await new ReplicationRun(scenario, 1, silo, null, NullLogger.Instance).RunAsync();
        await new ReplicationRun(scenario, 2, silo, null, NullLogger.Instance).RunAsync();

        var rollup = await silo.GetDailyRollupAsync(new UnitRef("r2-ew", Level.City), scenario.StartDate.AddDays(10));

        Assert.Equal(scenario.StartDate.AddDays(3), rollup.Series.Since);
        Assert.Equal([3, 4, 5], rollup.Series.Days.Select(d => d.Day.DayNumber - scenario.StartDate.DayNumber));
    }

    [Fact]
    public async Task A_kernel_replication_starts_where_the_silo_would_have_started_it()
    {
        // On the kernel host every replication has its own clock: the second one's starts where
        // the first one's horizon ended on a shared silo, so it meets the same midnights.
        var scenario = TestScenarios.Parse(TestScenarios.WarningCity(2.5, 1));
        await using var kernel = await IGovernanceHost.StartAsync(HostKind.Kernel, Simulator.ClockAtStart(scenario, 2));
        await new ReplicationRun(scenario, 2, kernel, null, NullLogger.Instance).RunAsync();

        var rollup = await kernel.GetDailyRollupAsync(new UnitRef("r2-ew", Level.City), scenario.StartDate.AddDays(10));

        Assert.Equal(scenario.StartDate.AddDays(3), rollup.Series.Since);
        Assert.Equal([3, 4, 5], rollup.Series.Days.Select(d => d.Day.DayNumber - scenario.StartDate.DayNumber));
    }

    [Fact]
    public async Task A_grain_call_in_a_simulated_run_waits_for_a_slow_machine_instead_of_failing_after_30_s()
    {
        // The cause of a once-failed check on the 10x network: Orleans' default response timeout
        // (30 s of wall time) is shorter than a city-wide roll-up on a loaded machine.
        await using var silo = await SimulationSilo.StartAsync(DateTimeOffset.UnixEpoch);

        var messaging = silo.Services.GetRequiredService<IOptions<SiloMessagingOptions>>().Value;

        Assert.Equal(SimulationSilo.ResponseTimeout, messaging.ResponseTimeout);
        Assert.True(messaging.ResponseTimeout >= TimeSpan.FromMinutes(10), $"response timeout {messaging.ResponseTimeout}");
    }
}
