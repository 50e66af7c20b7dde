using Orleans.Governance.Abstractions;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.City;
using Orleans.Governance.Domain.Desk;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Tests.Support;

namespace Orleans.Governance.Tests.Grains;

/// <summary>
/// A unit whose write fails goes on exactly as stored, on every path that writes its desk or its
/// configuration: what its live activation shows equals what a fresh activation reads from
/// storage, and the caller's retry completes the work once.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class UnitWriteFailureTests(ClusterFixture fixture)
{
    private const string RaiseAlarm = nameof(ICaseGrain.RaiseAlarmAsync);

    private IClusterClient Client => fixture.Client;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_failed_admission_is_retried_into_one_admission(bool storedBeforeTheFailure)
    {
        var (grid, unit) = await GridAsync();
        var id = $"case-{Guid.NewGuid():N}";
        var before = await unit.GetFiguresAsync();

        fixture.Faults.FailNextWrite(unit.GetGrainId(), storedBeforeTheFailure);
        await Assert.ThrowsAnyAsync<Exception>(() => Client.RegisterAsync(id, CaseDriver.Report(grid)));
        if (storedBeforeTheFailure)
        {
            // Rebuilt as stored, the unit re-sends the assignment; the case, never stored, lets it go.
            await fixture.Calls.WaitAsync(grid.Id, nameof(IUnitGrain.ForgetAsync), 1, "the admission of a case never stored undone");
        }

        await AssertAsStoredAsync(unit);
        await Client.RegisterAsync(id, CaseDriver.Report(grid));

        var after = await unit.GetFiguresAsync();
        Assert.Equal(before.Admitted + 1, after.Admitted);
        Assert.Single(await unit.GetWorklistAsync(Worklist.Assigned), i => i.CaseId == id);
        await AssertAsStoredAsync(unit);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_failed_report_of_a_transition_is_repaired_by_the_retry(bool storedBeforeTheFailure)
    {
        var (grid, unit) = await GridAsync();
        var id = $"case-{Guid.NewGuid():N}";
        var registered = await Client.RegisterAsync(id, CaseDriver.Report(grid));
        var accept = new AcceptCase(registered.MediatorId!);

        fixture.Faults.FailNextWrite(unit.GetGrainId(), storedBeforeTheFailure);
        await Assert.ThrowsAnyAsync<Exception>(() => Client.GetGrain<ICaseGrain>(id).ExecuteAsync(accept));
        await AssertAsStoredAsync(unit);
        LifecycleDriver.Accepted(await Client.GetGrain<ICaseGrain>(id).ExecuteAsync(accept));

        Assert.Equal(CaseStatus.Accepted, (await unit.GetWorklistAsync(Worklist.Assigned)).Single(i => i.CaseId == id).Status);
        await AssertAsStoredAsync(unit);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_failed_release_keeps_the_case_until_the_retried_escalation_moves_it_once(bool storedBeforeTheFailure)
    {
        var (grid, unit) = await GridAsync();
        var id = $"case-{Guid.NewGuid():N}";
        var grain = Client.GetGrain<ICaseGrain>(id);
        var failed = await new LifecycleDriver(grain).MediateAsync(await Client.RegisterAsync(id, CaseDriver.Report(grid)), agreement: false);

        fixture.Faults.FailNextWrite(unit.GetGrainId(), storedBeforeTheFailure);
        await Assert.ThrowsAnyAsync<Exception>(() => grain.EscalateAsync(failed.MediatorId!, "调解不成，上报"));
        await AssertAsStoredAsync(unit);
        var escalated = LifecycleDriver.Accepted(await grain.EscalateAsync(failed.MediatorId!, "调解不成，上报"));

        Assert.Equal(Level.Village, escalated.Level);
        Assert.Equal(1, (await unit.GetFiguresAsync()).EscalatedOut);
        Assert.Empty(await unit.GetWorklistAsync(Worklist.Assigned));
        await AssertAsStoredAsync(unit);
    }

    [Fact]
    public async Task A_deadline_alarm_whose_write_failed_fires_once_after_a_pause()
    {
        var (grid, unit) = await GridAsync(new GovernancePolicy { OverdueEscalationDays = null });
        var id = $"case-{Guid.NewGuid():N}";
        await Client.RegisterAsync(id, CaseDriver.Report(grid));

        fixture.Faults.FailNextWrite(unit.GetGrainId(), afterStoring: false);
        fixture.Clock.Advance(TimeSpan.FromHours(24));
        await fixture.Faults.WaitUntilFiredAsync(unit.GetGrainId(), "the unsigned warning's write");
        Assert.Empty(await unit.GetWorklistAsync(Worklist.Warned));
        Assert.Equal(0, fixture.Calls.Completed(id, RaiseAlarm));
        fixture.Clock.Advance(TimeSpan.FromSeconds(10));
        await fixture.Calls.WaitAsync(id, RaiseAlarm, 1, "the unsigned warning, tried again");

        var file = await Client.GetGrain<ICaseGrain>(id).GetAsync();
        Assert.Single(file.Trail, e => e.Action == CaseAction.WarnUnsigned);
        Assert.Equal(1, (await unit.GetFiguresAsync()).UnsignedWarnings);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_failed_release_leaves_the_case_held_below_and_the_retried_escalation_counts_once(bool storedBeforeTheFailure)
    {
        var plan = await fixture.LoadAsync(TestCities.Chain());
        var (grid, village) = (Client.GetUnit(plan.At(Level.Grid).Ref), Client.GetUnit(plan.At(Level.Village).Ref));
        var id = $"case-{Guid.NewGuid():N}";
        var grain = Client.GetGrain<ICaseGrain>(id);
        var registered = await Client.RegisterAsync(id, CaseDriver.Report(plan.At(Level.Grid)));
        LifecycleDriver.Accepted(await grain.ExecuteAsync(new AcceptCase(registered.MediatorId!)));
        LifecycleDriver.Accepted(await grain.ExecuteAsync(new FailCase(registered.MediatorId!, "no agreement")));

        // The grid's release fails, stored or not: the village is never asked.
        fixture.Faults.FailNextWrite(grid.GetGrainId(), storedBeforeTheFailure);
        await Assert.ThrowsAnyAsync<Exception>(() => grain.EscalateAsync(registered.MediatorId!, "上报"));
        var held = await grid.GetFiguresAsync();
        var notAsked = await village.GetFiguresAsync();
        await AssertAsStoredAsync(grid);

        var escalated = LifecycleDriver.Accepted(await grain.EscalateAsync(registered.MediatorId!, "上报"));
        var below = await grid.GetFiguresAsync();
        var above = await village.GetFiguresAsync();

        Assert.Equal((0L, 1L), (held.EscalatedOut, held.OpenByStatus.GetValueOrDefault(CaseStatus.Failed)));
        Assert.Equal(0L, notAsked.Admitted);
        Assert.Equal((Level.Village, 1L, 0L), (escalated.Level, below.EscalatedOut, below.Open));
        Assert.Equal((1L, 1L), (above.Admitted, above.Open));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_failed_case_number_is_never_issued_twice(bool storedBeforeTheFailure)
    {
        var (_, unit) = await GridAsync();
        CaseNumber.TryParse(await unit.IssueCaseNumberAsync(), out _, out _, out var first);

        fixture.Faults.FailNextWrite(unit.GetGrainId(), storedBeforeTheFailure);
        await Assert.ThrowsAnyAsync<Exception>(unit.IssueCaseNumberAsync);
        CaseNumber.TryParse(await unit.IssueCaseNumberAsync(), out _, out _, out var next);

        Assert.Equal(first + (storedBeforeTheFailure ? 2 : 1), next);
    }

    [Fact]
    public async Task A_failed_configuration_leaves_the_stored_profile()
    {
        var city = TestCities.Chain();
        var plan = await fixture.LoadAsync(city);
        var grid = plan.At(Level.Grid);
        var unit = Client.GetUnit(grid.Ref);

        fixture.Faults.FailNextWrite(unit.GetGrainId(), afterStoring: false);
        await Assert.ThrowsAnyAsync<Exception>(() => unit.ConfigureAsync(grid with { Name = "改名" }));

        Assert.True(await unit.ConfigureAsync(grid with { Name = "改名" }), "the failed configuration was kept in memory");
    }

    [Fact]
    public async Task A_case_whose_registration_was_never_stored_is_let_go_at_its_first_alarm()
    {
        var (grid, unit) = await GridAsync(new GovernancePolicy { OverdueEscalationDays = null });
        var id = $"case-{Guid.NewGuid():N}";
        var grain = Client.GetGrain<ICaseGrain>(id);
        var before = await unit.GetFiguresAsync();

        fixture.Faults.FailNextWrite(grain.GetGrainId(), afterStoring: false);
        await Assert.ThrowsAnyAsync<Exception>(() => Client.RegisterAsync(id, CaseDriver.Report(grid)));
        Assert.Single(await unit.GetWorklistAsync(Worklist.Assigned), i => i.CaseId == id);
        fixture.Clock.Advance(TimeSpan.FromHours(24));
        await fixture.Calls.WaitAsync(id, RaiseAlarm, 1, "the unsigned warning to a case never stored");
        await fixture.Calls.WaitAsync(grid.Id, nameof(IUnitGrain.ForgetAsync), 1, "the case lets its unit go");

        var after = await unit.GetFiguresAsync();
        Assert.Equal(before.Admitted, after.Admitted);
        Assert.Equal(before.Open, after.Open);
        Assert.DoesNotContain(await unit.GetWorklistAsync(Worklist.Assigned), i => i.CaseId == id);
        Assert.Null((await grain.GetAsync()).Intake);
        await AssertAsStoredAsync(unit);
    }

    private async Task<(UnitProfile Grid, IUnitGrain Unit)> GridAsync(GovernancePolicy? policy = null)
    {
        var plan = await fixture.LoadAsync(TestCities.Chain(policy));
        var grid = plan.At(Level.Grid);
        return (grid, Client.GetUnit(grid.Ref));
    }

    /// <summary>The live activation shows what a fresh one, built from storage alone, shows.</summary>
    private async Task AssertAsStoredAsync(IUnitGrain unit)
    {
        var live = await SnapshotAsync(unit);
        await fixture.Cluster.DeactivateAsync(unit);
        Assert.Equal(live, await SnapshotAsync(unit));
    }

    private static async Task<string> SnapshotAsync(IUnitGrain unit)
    {
        var f = await unit.GetFiguresAsync();
        var lists = await Task.WhenAll(new[] { Worklist.Queue, Worklist.Assigned, Worklist.Overdue, Worklist.Warned }
            .Select(async list => string.Join(",", (await unit.GetWorklistAsync(list)).Select(i => $"{i.CaseId}:{i.Status}:{i.MediatorId}"))));
        var open = string.Join(",", f.OpenByStatus.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}"));
        return $"admitted {f.Admitted}, resolved {f.ResolvedHere}, escalated {f.EscalatedOut}, warned {f.UnsignedWarnings}, overdue {f.Overdue}, open {open}; {string.Join(" | ", lists)}";
    }
}
