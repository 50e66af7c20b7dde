using Orleans.Governance.Abstractions;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Domain.Kernel;
using Orleans.Governance.Tests.Support;

namespace Orleans.Governance.Tests.Grains;

[Collection(ClusterCollection.Name)]
public sealed class CaseFlowTests(ClusterFixture fixture)
{
    private IClusterClient Client => fixture.Client;

    [Theory]
    [InlineData(Level.Grid)]
    [InlineData(Level.Village)]
    [InlineData(Level.Township)]
    [InlineData(Level.County)]
    [InlineData(Level.City)]
    public async Task A_case_reported_at_a_grid_is_resolved_at_the_level_that_can(Level resolvedAt)
    {
        var plan = await fixture.LoadAsync(TestCities.Chain());
        var id = $"case-{Guid.NewGuid():N}";
        var grain = Client.GetGrain<ICaseGrain>(id);
        var registered = await Client.RegisterAsync(id, CaseDriver.Report(plan.At(Level.Grid)));
        Assert.Equal((CaseStatus.Assigned, Level.Grid), (registered.Status, registered.Level));

        var lifecycle = new LifecycleDriver(grain);
        var done = await lifecycle.CloseAndFollowUpAsync(await lifecycle.ClimbToAsync(registered, resolvedAt, agreementThere: true));

        var file = await grain.GetAsync();
        Assert.Equal((CaseStatus.FollowedUp, resolvedAt, plan.At(resolvedAt).Id), (done.Status, file.Level, file.UnitId));
        Assert.Equal((int)resolvedAt, file.Trail.Count(e => e.Action == CaseAction.Escalate));
        Assert.Equal(Enumerable.Range(0, (int)resolvedAt + 1).Select(l => (Level)l), file.Trail.Select(e => e.Level).Distinct());
        var here = await Client.GetUnit(plan.At(resolvedAt).Ref).GetFiguresAsync();
        Assert.Equal((1L, 1L, 1L, 5.0), (here.ResolvedHere, here.ClosedHere, here.SatisfactionCount, here.MeanSatisfaction!.Value));
        foreach (var below in plan.Units.Where(u => u.Level < resolvedAt && u.Id == (file.Trail.First(e => e.Level == u.Level).UnitId)))
        {
            var figures = await Client.GetUnit(below.Ref).GetFiguresAsync();
            Assert.Equal((1L, 1L, 0L), (figures.Admitted, figures.EscalatedOut, figures.Open));
        }
    }

    [Fact]
    public async Task A_case_nobody_can_resolve_climbs_grid_to_city_and_is_referred_to_litigation()
    {
        var plan = await fixture.LoadAsync(TestCities.Chain());
        var id = $"case-{Guid.NewGuid():N}";
        var grain = Client.GetGrain<ICaseGrain>(id);

        var failedAtCity = await new LifecycleDriver(grain).ClimbToAsync(await Client.RegisterAsync(id, CaseDriver.Report(plan.At(Level.Grid), CaseType.InvestmentPartnership)), Level.City, agreementThere: false);
        var beyond = await grain.EscalateAsync(failedAtCity.MediatorId!, "还想上报");
        var referred = LifecycleDriver.Accepted(await grain.ExecuteAsync(new ReferCase(failedAtCity.MediatorId!, ReferralTarget.Litigation, "引导诉讼")));
        var closed = LifecycleDriver.Accepted(await grain.ExecuteAsync(new CloseCase(plan.Root.Id + "/head")));

        Assert.Contains("already at the city centre", beyond.Refusal!.Message);
        Assert.Equal(CaseStatus.Referred, referred.Status);
        Assert.Equal((CaseStatus.Closed, Level.City), (closed.Status, closed.Level));
        var file = await grain.GetAsync();
        Assert.Equal(
            [Level.Grid, Level.Village, Level.Township, Level.County, Level.City],
            file.Trail.Where(e => e.Action == CaseAction.Escalate).Select(e => e.Level).Prepend(Level.Grid));
        var city = await Client.GetUnit(plan.Root.Ref).GetFiguresAsync();
        Assert.Equal((1L, 1L, 0L), (city.ReferredOut, city.ClosedHere, city.Open));
    }

    [Fact]
    public async Task An_illegal_command_is_refused_naming_status_and_action_and_changes_nothing()
    {
        var plan = await fixture.LoadAsync(TestCities.Chain());
        var id = $"case-{Guid.NewGuid():N}";
        var grain = Client.GetGrain<ICaseGrain>(id);
        var registered = await Client.RegisterAsync(id, CaseDriver.Report(plan.At(Level.Grid)));
        var before = await grain.GetAsync();

        var wrongActor = await grain.ExecuteAsync(new AcceptCase(plan.At(Level.Village).Id + "/m1"));
        var tooEarly = await grain.ExecuteAsync(new ResolveCase(registered.MediatorId!));
        var notFailed = await grain.EscalateAsync(registered.MediatorId!, "想上报");
        var unitsOnly = await grain.ExecuteAsync(new TriageCase(plan.At(Level.Grid).Id, Grade.Complex, null));

        Assert.Contains("Only the assigned mediator", wrongActor.Refusal!.Message);
        Assert.Contains("is Assigned: cannot Resolve", tooEarly.Refusal!.Message);
        Assert.Contains("is Assigned: cannot Escalate", notFailed.Refusal!.Message);
        Assert.Contains("taken by the units", unitsOnly.Refusal!.Message);
        Assert.Equal(before.Trail, (await grain.GetAsync()).Trail);
    }

    [Fact]
    public async Task A_retried_registration_gets_the_same_answer_and_admits_the_case_once()
    {
        var plan = await fixture.LoadAsync(TestCities.Chain());
        var id = $"case-{Guid.NewGuid():N}";
        var grid = plan.At(Level.Grid);
        var first = await Client.RegisterAsync(id, CaseDriver.Report(grid));

        var retried = await Client.GetGrain<ICaseGrain>(id).RegisterAsync(CaseDriver.Report(grid), grid.Id);
        var other = await Client.GetGrain<ICaseGrain>(id).RegisterAsync(CaseDriver.Report(grid, CaseType.Labour), grid.Id);

        Assert.Equal(first, retried);
        Assert.Contains("already registered", other.Refusal!.Message);
        Assert.Equal(1, (await Client.GetUnit(grid.Ref).GetFiguresAsync()).Admitted);
    }

    [Fact]
    public async Task A_retried_command_is_answered_as_before_and_counted_once()
    {
        var plan = await fixture.LoadAsync(TestCities.Chain());
        var id = $"case-{Guid.NewGuid():N}";
        var grain = Client.GetGrain<ICaseGrain>(id);
        var registered = await Client.RegisterAsync(id, CaseDriver.Report(plan.At(Level.Grid)));
        var resolved = await new LifecycleDriver(grain).MediateAsync(registered, agreement: true);

        var again = await grain.ExecuteAsync(new ResolveCase(registered.MediatorId!));
        var byOther = await grain.ExecuteAsync(new ResolveCase(plan.At(Level.Grid).Id + "/w2"));

        Assert.Equal(resolved, again);
        Assert.NotNull(byOther.Refusal);
        Assert.Equal(1, (await grain.GetAsync()).Trail.Count(e => e.Action == CaseAction.Resolve));
        Assert.Equal(1, (await Client.GetUnit(plan.At(Level.Grid).Ref).GetFiguresAsync()).ResolvedHere);
    }

    [Fact]
    public async Task Registering_at_a_unit_that_was_never_loaded_fails_and_leaves_the_case_new()
    {
        var id = $"case-{Guid.NewGuid():N}";
        var grain = Client.GetGrain<ICaseGrain>(id);

        var error = await Assert.ThrowsAsync<UnitNotConfiguredException>(() => grain.RegisterAsync(CaseDriver.Report(new UnitProfile("nowhere", "", Level.Grid, [], [], [], [], new())), "x"));

        Assert.Equal("nowhere", error.UnitId);
        Assert.Contains("has not been configured", error.Message);
        Assert.Equal(CaseStatus.New, (await grain.GetAsync()).Status);
    }

    [Fact]
    public async Task A_high_risk_case_reported_at_a_grid_is_raised_straight_to_the_county()
    {
        var plan = await fixture.LoadAsync(TestCities.Chain());
        var id = $"case-{Guid.NewGuid():N}";

        var receipt = await Client.RegisterAsync(id, CaseDriver.Report(plan.At(Level.Grid), CaseType.Labour, highRisk: true));

        var file = await Client.GetGrain<ICaseGrain>(id).GetAsync();
        Assert.Equal((Level.County, plan.At(Level.County).Id, CaseStatus.Assigned, Grade.HighRisk), (receipt.Level, receipt.UnitId, receipt.Status, receipt.Grade));
        var raise = Assert.Single(file.Trail, e => e.Action == CaseAction.Escalate);
        Assert.Equal((EscalationKind.HighRiskRaise, Level.County), (raise.Escalation, raise.Level));
    }

    [Fact]
    public async Task A_queued_case_goes_to_the_mediator_who_becomes_free()
    {
        var plan = await fixture.LoadAsync(TestCities.Chain());
        var village = plan.At(Level.Village);
        var first = await Client.RegisterAsync($"case-{Guid.NewGuid():N}", CaseDriver.Report(village));
        var secondId = $"case-{Guid.NewGuid():N}";
        var second = await Client.RegisterAsync(secondId, CaseDriver.Report(village));
        Assert.Equal((CaseStatus.Assigned, CaseStatus.Triaged), (first.Status, second.Status));
        var open = (await Client.GetUnit(village.Ref).GetFiguresAsync()).OpenByStatus;
        Assert.Equal((1L, 1L), (open[CaseStatus.Assigned], open[CaseStatus.Triaged]));

        await new LifecycleDriver(Client.GetGrain<ICaseGrain>(first.CaseId)).MediateAsync(first, agreement: true);
        await fixture.Calls.WaitAsync(secondId, nameof(ICaseGrain.AssignFromQueueAsync), 1, "assignment from the queue");

        var file = await Client.GetGrain<ICaseGrain>(secondId).GetAsync();
        Assert.Equal((CaseStatus.Assigned, first.MediatorId), (file.Status, file.MediatorId));
    }
}
