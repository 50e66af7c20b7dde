using Orleans.Governance.Abstractions;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Desk;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Tests.Support;

namespace Orleans.Governance.Tests.Grains;

/// <summary>The units' and cases' own protocol is refused to a client of the cluster; the same calls between grains go through.</summary>
[Collection(ClusterCollection.Name)]
public sealed class GrainsOnlyTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_client_may_not_admit_report_release_or_reinstate_on_a_unit_s_behalf()
    {
        var plan = await fixture.LoadAsync(TestCities.Chain());
        var grid = plan.At(Level.Grid);
        var unit = fixture.Client.GetUnit(grid.Ref);
        var facts = new CaseFacts($"case-{Guid.NewGuid():N}", CaseType.Labour, IntakeChannel.WalkIn, false, false, 0, 2, fixture.Clock.GetUtcNow(), grid.Id);

        var refused = await Assert.ThrowsAsync<UnauthorizedAccessException>(() => unit.AdmitAsync(facts));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => unit.TrackAsync(new CaseChange(facts.CaseId, CaseAction.Resolve, facts.RegisteredAt, null)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => unit.EscalateAsync(facts, EscalationKind.Failure));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => unit.ForgetAsync(facts.CaseId));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => unit.ReinstateAsync(facts, CaseFile.Empty(facts.CaseId)));

        Assert.Contains("IUnitGrain.AdmitAsync", refused.Message);
        Assert.Equal(0, (await unit.GetFiguresAsync()).Admitted);

        // The case registers through the same admission, grain to grain.
        var receipt = await fixture.Client.RegisterAsync(facts.CaseId, CaseDriver.Report(grid));
        Assert.Equal(CaseStatus.Assigned, receipt.Status);
        Assert.Equal(1, (await unit.GetFiguresAsync()).Admitted);
    }
}
