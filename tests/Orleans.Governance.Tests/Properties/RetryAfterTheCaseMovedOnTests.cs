using Orleans.Governance.Abstractions;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Tests.Support;

namespace Orleans.Governance.Tests.Properties;

/// <summary>The shrunk counterexample the lifecycle machine found, pinned as a regression test.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RetryAfterTheCaseMovedOnTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_retried_referral_after_the_case_was_closed_is_not_counted_again()
    {
        var plan = await fixture.LoadAsync(TestCities.Chain());
        var id = $"case-{Guid.NewGuid():N}";
        var grain = fixture.Client.GetGrain<ICaseGrain>(id);
        var grid = plan.At(Level.Grid);
        var mediator = (await fixture.Client.RegisterAsync(id, CaseDriver.Report(grid))).MediatorId!;
        var head = Actors.Person(grid.Id, "head");
        LifecycleDriver.Accepted(await grain.ExecuteAsync(new AcceptCase(mediator)));
        LifecycleDriver.Accepted(await grain.ExecuteAsync(new FailCase(mediator, "no agreement")));
        LifecycleDriver.Accepted(await grain.ExecuteAsync(new ReferCase(head, ReferralTarget.Litigation)));
        LifecycleDriver.Accepted(await grain.ExecuteAsync(new CloseCase(mediator)));

        var retry = await grain.ExecuteAsync(new ReferCase(head, ReferralTarget.Litigation));

        var figures = await fixture.Client.GetUnit(grid.Ref).GetFiguresAsync();
        Assert.Equal(CaseStatus.Closed, retry.Status);
        Assert.Equal((1L, 1L, 0L), (figures.ReferredOut, figures.ClosedHere, figures.Open));
    }
}
