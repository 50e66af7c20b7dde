using Orleans.Governance.Abstractions;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Desk;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Tests.Support;

namespace Orleans.Governance.Tests.Grains;

/// <summary>The units' deadline watches on the fake clock: each Advance lets a watch fire once.</summary>
[Collection(ClusterCollection.Name)]
public sealed class DeadlineWatchTests(ClusterFixture fixture)
{
    private const string RaiseAlarm = nameof(ICaseGrain.RaiseAlarmAsync);

    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task An_unsigned_task_raises_one_warning_and_an_overdue_case_one_supervision()
    {
        var plan = await fixture.LoadAsync(TestCities.Chain(new GovernancePolicy { OverdueEscalationDays = null }));
        var id = $"case-{Guid.NewGuid():N}";
        var grid = plan.At(Level.Grid);
        await Client.RegisterAsync(id, CaseDriver.Report(grid));

        fixture.Clock.Advance(TimeSpan.FromHours(24));
        await fixture.Calls.WaitAsync(id, RaiseAlarm, 1, "unsigned warning after 24 h");
        fixture.Clock.Advance(TimeSpan.FromDays(2));
        await fixture.Calls.WaitAsync(id, RaiseAlarm, 2, "supervision at the 3-day deadline");

        var file = await Client.GetGrain<ICaseGrain>(id).GetAsync();
        Assert.Equal(1, file.Trail.Count(e => e.Action == CaseAction.WarnUnsigned));
        var supervision = Assert.Single(file.Trail, e => e.Action == CaseAction.Supervise);
        Assert.Equal(file.Trail[0].At.AddDays(3), supervision.At);
        Assert.Equal(CaseStatus.Assigned, file.Status);
        var figures = await Client.GetUnit(grid.Ref).GetFiguresAsync();
        Assert.Equal((1L, 1L), (figures.UnsignedWarnings, figures.Overdue));
    }

    [Fact]
    public async Task A_signed_task_raises_no_warning()
    {
        var plan = await fixture.LoadAsync(TestCities.Chain(new GovernancePolicy { OverdueEscalationDays = null }));
        var id = $"case-{Guid.NewGuid():N}";
        var registered = await Client.RegisterAsync(id, CaseDriver.Report(plan.At(Level.Grid)));
        LifecycleDriver.Accepted(await Client.GetGrain<ICaseGrain>(id).ExecuteAsync(new AcceptCase(registered.MediatorId!)));

        fixture.Clock.Advance(TimeSpan.FromDays(3));
        await fixture.Calls.WaitAsync(id, RaiseAlarm, 1, "supervision at the 3-day deadline");

        var file = await Client.GetGrain<ICaseGrain>(id).GetAsync();
        Assert.DoesNotContain(file.Trail, e => e.Action == CaseAction.WarnUnsigned);
        Assert.Single(file.Trail, e => e.Action == CaseAction.Supervise);
    }

    [Fact]
    public async Task An_overdue_case_is_supervised_then_escalated_after_the_policy_grace()
    {
        var plan = await fixture.LoadAsync(TestCities.Chain(new GovernancePolicy { OverdueEscalationDays = 2 }));
        var id = $"case-{Guid.NewGuid():N}";
        var grain = Client.GetGrain<ICaseGrain>(id);
        var registered = await Client.RegisterAsync(id, CaseDriver.Report(plan.At(Level.Grid)));
        LifecycleDriver.Accepted(await grain.ExecuteAsync(new AcceptCase(registered.MediatorId!)));

        fixture.Clock.Advance(TimeSpan.FromDays(3));
        await fixture.Calls.WaitAsync(id, RaiseAlarm, 1, "supervision at the deadline");
        fixture.Clock.Advance(TimeSpan.FromDays(2));
        await fixture.Calls.WaitAsync(id, RaiseAlarm, 2, "escalation after the grace");

        var file = await grain.GetAsync();
        Assert.Equal((Level.Village, plan.At(Level.Village).Id), (file.Level, file.UnitId));
        var escalation = Assert.Single(file.Trail, e => e.Action == CaseAction.Escalate);
        Assert.Equal(EscalationKind.Overdue, escalation.Escalation);
        Assert.Equal(plan.At(Level.Grid).Id, escalation.Actor);
        var grid = await Client.GetUnit(plan.At(Level.Grid).Ref).GetFiguresAsync();
        Assert.Equal((1L, 1L, 0L), (grid.Overdue, grid.EscalatedOut, grid.Open));
    }

    [Fact]
    public async Task Under_working_days_the_unit_watches_the_deadline_past_the_days_off_and_fires_there()
    {
        // Wherever the shared clock stands, the next seven days are off.
        var today = CentreDays.DateOf(fixture.Clock.GetUtcNow());
        var calendar = new WorkingCalendar { Source = "test", DaysOff = [.. Enumerable.Range(1, 7).Select(today.AddDays)] };
        var policy = new GovernancePolicy { OverdueEscalationDays = null, DeadlineDays = DeadlineDays.Working, WorkingCalendar = calendar };
        var plan = await fixture.LoadAsync(TestCities.Chain(policy));
        var id = $"case-{Guid.NewGuid():N}";
        var grid = plan.At(Level.Grid);
        var registered = await Client.RegisterAsync(id, CaseDriver.Report(grid));
        LifecycleDriver.Accepted(await Client.GetGrain<ICaseGrain>(id).ExecuteAsync(new AcceptCase(registered.MediatorId!)));
        var triagedAt = (await Client.GetGrain<ICaseGrain>(id).GetAsync()).Trail.First(e => e.Action == CaseAction.Triage).At;
        var closeBy = calendar.Add(triagedAt, TimeSpan.FromDays(3));

        var item = Assert.Single(await Client.GetUnit(grid.Ref).GetWorklistAsync(Worklist.Assigned), i => i.CaseId == id);
        Assert.Equal(closeBy, item.CloseBy);
        Assert.True(closeBy >= triagedAt.AddDays(10), $"{closeBy} does not skip the seven days off after {triagedAt}");
        fixture.Clock.Advance(TimeSpan.FromDays(3));
        fixture.Clock.Advance(closeBy - fixture.Clock.GetUtcNow());
        await fixture.Calls.WaitAsync(id, RaiseAlarm, 1, "supervision at the working-day deadline");

        var supervision = Assert.Single((await Client.GetGrain<ICaseGrain>(id).GetAsync()).Trail, e => e.Action == CaseAction.Supervise);
        Assert.Equal(closeBy, supervision.At);
    }
}
