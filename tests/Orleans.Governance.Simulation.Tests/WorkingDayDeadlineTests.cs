using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Simulation.Hosts;
using Orleans.Governance.Simulation.Model;
using Orleans.Governance.Simulation.Scenarios;
using Orleans.Governance.Simulation.Statistics;
using Orleans.Governance.Simulation.Tests.Support;

namespace Orleans.Governance.Simulation.Tests;

/// <summary>A scenario whose policy counts working days, on the shipped 2026 calendar, across the Spring Festival.</summary>
public sealed class WorkingDayDeadlineTests
{
    /// <summary>
    /// One centre, mediation a fixed 10 days against the 3-day simple deadline, from Thursday
    /// 12 February 2026: under calendar days every case is overdue 3 days after its triage; under
    /// working days the Spring Festival (15 to 23 February off, Saturday 14 worked) moves the
    /// deadlines of the first days' cases past the horizon.
    /// </summary>
    private static string Yaml(string deadlineDays) => TestScenarios.SingleCentre(1, 2, 1, 1, 12, 0)
        .Replace("policy: { overdueEscalationDays: null, simpleDays: 45 }", $"policy: {{ overdueEscalationDays: null, simpleDays: 3, {deadlineDays} }}\nstartDate: 2026-02-12", StringComparison.Ordinal)
        .Replace("city: { distribution: exponential, meanDays: 1 }", "city: { distribution: fixed, meanDays: 10 }", StringComparison.Ordinal);

    [Theory]
    [InlineData(HostKind.Kernel)]
    [InlineData(HostKind.Grains)]
    public async Task Working_days_put_the_supervision_after_the_holiday_and_flag_fewer_cases_overdue(HostKind kind)
    {
        var working = TestScenarios.Parse(Yaml("deadlineDays: working, workingCalendar: cn-2026.json"));
        var calendar = TestScenarios.Parse(Yaml("deadlineDays: calendar"));

        var (workingRun, first) = await RunAsync(working, kind);
        var (calendarRun, _) = await RunAsync(calendar, kind);

        var triage = Assert.Single(first.Trail, e => e.Action == CaseAction.Triage);
        var supervision = first.Trail.SingleOrDefault(e => e.Action == CaseAction.Supervise);
        var closeBy = working.City.Definition.Policy.WorkingCalendar!.Add(triage.At, TimeSpan.FromDays(3));
        Assert.True(closeBy >= new DateTimeOffset(2026, 2, 24, 0, 0, 0, CentreDays.Offset), $"the first case, triaged {triage.At}, is due {closeBy}: not after the holiday");
        Assert.True(supervision is null || supervision.At == closeBy, $"supervised at {supervision?.At}, due {closeBy}");
        var (workingOverdue, calendarOverdue) = (workingRun.Figures.Totals.Overdue, calendarRun.Figures.Totals.Overdue);
        Assert.True(workingOverdue < calendarOverdue, $"overdue: {workingOverdue} under working days, {calendarOverdue} under calendar days");
        Assert.True(calendarOverdue >= 10, "the calendar-day run is not overdue throughout");
    }

    private static async Task<(RunResult Run, CaseFile First)> RunAsync(Scenario scenario, HostKind kind)
    {
        var start = new DateTimeOffset(scenario.StartDate.ToDateTime(TimeOnly.MinValue), CentreDays.Offset);
        await using var host = await IGovernanceHost.StartAsync(kind, start, keepCases: true);
        var run = await new ReplicationRun(scenario, 1, host, null, NullLogger.Instance).RunAsync();
        return (run, await host.GetCaseAsync("r1-c1"));
    }
}
