using Orleans.Governance.Abstractions;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Tests.Support;

namespace Orleans.Governance.Tests.Grains;

/// <summary>
/// A write that fails leaves the activation unsure of what is stored. The retry a client makes
/// must then be answered from what is stored, never from the activation's memory: otherwise a
/// transition that was never written would be acknowledged.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class FailedWriteTests(ClusterFixture fixture)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_retried_command_after_a_failed_write_is_acknowledged_only_once_stored(bool storedBeforeTheFailure)
    {
        var plan = await fixture.LoadAsync(TestCities.Chain());
        var id = $"case-{Guid.NewGuid():N}";
        var grain = fixture.Client.GetGrain<ICaseGrain>(id);
        var registered = await fixture.Client.RegisterAsync(id, CaseDriver.Report(plan.At(Level.Grid)));
        var accept = new AcceptCase(registered.MediatorId!);

        fixture.Faults.FailNextWrite(grain.GetGrainId(), storedBeforeTheFailure);
        var failure = await Assert.ThrowsAsync<OrleansException>(() => grain.ExecuteAsync(accept));
        Assert.IsType<IOException>(failure.GetBaseException());
        var retried = await grain.ExecuteAsync(accept);
        await fixture.Cluster.DeactivateAsync(grain); // what is stored is all that is left
        var stored = await grain.GetAsync();

        Assert.Null(retried.Refusal);
        Assert.Equal((CaseStatus.Accepted, CaseStatus.Accepted), (retried.Status, stored.Status));
        Assert.Single(stored.Trail, e => e.Action == CaseAction.Accept);
    }

    [Fact]
    public async Task An_escalation_whose_save_failed_goes_back_to_the_unit_below_at_the_first_alarm_of_the_unit_above()
    {
        var plan = await fixture.LoadAsync(TestCities.Chain());
        var (grid, village) = (plan.At(Level.Grid), plan.At(Level.Village));
        var id = $"case-{Guid.NewGuid():N}";
        var grain = fixture.Client.GetGrain<ICaseGrain>(id);
        var registered = await fixture.Client.RegisterAsync(id, CaseDriver.Report(grid));
        LifecycleDriver.Accepted(await grain.ExecuteAsync(new AcceptCase(registered.MediatorId!)));
        LifecycleDriver.Accepted(await grain.ExecuteAsync(new FailCase(registered.MediatorId!, "no agreement")));

        // The grid let the case go and the village admitted it, but the case never stored its move.
        fixture.Faults.FailNextWrite(grain.GetGrainId(), afterStoring: false);
        await Assert.ThrowsAsync<OrleansException>(() => grain.EscalateAsync(registered.MediatorId!, "上报"));
        var held = await fixture.Client.GetUnit(village.Ref).GetFiguresAsync();
        var released = await fixture.Client.GetUnit(grid.Ref).GetFiguresAsync();

        // Nobody retries: the village's sign-warning alarm reaches a case whose file is at the grid.
        var alarms = fixture.Calls.Completed(id, nameof(ICaseGrain.RaiseAlarmAsync));
        fixture.Clock.Advance(TimeSpan.FromHours(24));
        await fixture.Calls.WaitAsync(id, nameof(ICaseGrain.RaiseAlarmAsync), alarms + 1, "the village's sign warning");
        var letGo = await fixture.Client.GetUnit(village.Ref).GetFiguresAsync();
        var heldAgain = await fixture.Client.GetUnit(grid.Ref).GetFiguresAsync();
        var file = await grain.GetAsync();

        Assert.Equal((1L, 1L), (held.Admitted, held.Open));
        Assert.Equal((1L, 0L), (released.EscalatedOut, released.Open));
        Assert.Equal((0L, 0L), (letGo.Admitted, letGo.Open));
        Assert.Equal((1L, 0L, 1L), (heldAgain.Admitted, heldAgain.EscalatedOut, heldAgain.OpenByStatus.GetValueOrDefault(CaseStatus.Failed)));
        Assert.Equal((CaseStatus.Failed, grid.Id), (file.Status, file.UnitId));
        Assert.DoesNotContain(file.Trail, e => e.Action == CaseAction.WarnUnsigned);

        // The escalation, retried at last, is admitted and counted once.
        var escalated = LifecycleDriver.Accepted(await grain.EscalateAsync(registered.MediatorId!, "上报"));
        var again = await fixture.Client.GetUnit(village.Ref).GetFiguresAsync();
        var below = await fixture.Client.GetUnit(grid.Ref).GetFiguresAsync();
        Assert.Equal((Level.Village, 1L, 1L), (escalated.Level, again.Admitted, again.Open));
        Assert.Equal((1L, 1L, 0L), (below.Admitted, below.EscalatedOut, below.Open));
    }

    [Fact]
    public async Task An_overdue_escalation_whose_save_failed_is_carried_out_again_with_nobody_retrying_it()
    {
        var plan = await fixture.LoadAsync(TestCities.Chain(new GovernancePolicy { OverdueEscalationDays = 2 }));
        var (grid, village) = (plan.At(Level.Grid), plan.At(Level.Village));
        var id = $"case-{Guid.NewGuid():N}";
        var grain = fixture.Client.GetGrain<ICaseGrain>(id);
        var registered = await fixture.Client.RegisterAsync(id, CaseDriver.Report(grid));
        LifecycleDriver.Accepted(await grain.ExecuteAsync(new AcceptCase(registered.MediatorId!)));
        var alarms = fixture.Calls.Completed(id, nameof(ICaseGrain.RaiseAlarmAsync));
        fixture.Clock.Advance(TimeSpan.FromDays(3));
        await fixture.Calls.WaitAsync(id, nameof(ICaseGrain.RaiseAlarmAsync), alarms + 1, "supervision at the deadline");

        // The grid's overdue escalation: the grid lets the case go, the village admits it, the case's save fails.
        fixture.Faults.FailNextWrite(grain.GetGrainId(), afterStoring: false);
        fixture.Clock.Advance(TimeSpan.FromDays(2));
        await fixture.Calls.WaitAsync(id, nameof(ICaseGrain.RaiseAlarmAsync), alarms + 2, "the overdue escalation whose save fails");
        var stranded = (await grain.GetAsync()).UnitId;

        // The village's sign warning gives the case back to the grid, whose escalation alarm is long due.
        fixture.Clock.Advance(TimeSpan.FromHours(24));
        await fixture.Calls.WaitAsync(id, nameof(ICaseGrain.RaiseAlarmAsync), alarms + 3, "the village's sign warning");
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        await fixture.Calls.WaitAsync(id, nameof(ICaseGrain.RaiseAlarmAsync), alarms + 4, "the grid's overdue escalation, raised again");
        var file = await grain.GetAsync();
        var above = await fixture.Client.GetUnit(village.Ref).GetFiguresAsync();
        var below = await fixture.Client.GetUnit(grid.Ref).GetFiguresAsync();

        Assert.Equal(grid.Id, stranded);
        Assert.Equal((Level.Village, village.Id), (file.Level, file.UnitId));
        var escalation = Assert.Single(file.Trail, e => e.Action == CaseAction.Escalate);
        Assert.Equal((EscalationKind.Overdue, grid.Id), (escalation.Escalation, escalation.Actor));
        Assert.Equal((1L, 1L), (above.Admitted, above.Open));
        Assert.Equal((1L, 1L, 1L, 0L), (below.Admitted, below.Overdue, below.EscalatedOut, below.Open));
    }
}
