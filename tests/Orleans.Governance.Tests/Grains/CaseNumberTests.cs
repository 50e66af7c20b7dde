using Orleans.Governance.Abstractions;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Tests.Support;

namespace Orleans.Governance.Tests.Grains;

/// <summary>Case numbers come from the registering unit's stored sequence: never repeated, not even across activations.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CaseNumberTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_unit_goes_on_numbering_after_it_is_rebuilt_from_storage_and_the_number_registers_the_case()
    {
        var plan = await fixture.LoadAsync(TestCities.Chain());
        var grid = plan.At(Level.Grid);
        var unit = fixture.Client.GetUnit(grid.Ref);

        var first = await unit.IssueCaseNumberAsync();
        await fixture.Cluster.DeactivateAsync(unit); // only what was stored is left
        var receipt = await fixture.Client.RegisterNewAsync(CaseDriver.Report(grid), Actors.Person(grid.Id, "clerk"));

        Assert.True(CaseNumber.TryParse(first, out var unitId, out var day, out var sequence));
        Assert.Equal((grid.Id, CaseNumber.DayOf(fixture.Clock.GetUtcNow())), (unitId, day));
        Assert.Equal(CaseNumber.Format(grid.Id, day, sequence + 1), receipt.CaseId);
        var file = await fixture.Client.GetCase(receipt.CaseId).GetAsync();
        Assert.Equal(grid.Id, file.UnitId);
        Assert.Contains(file.Status, new[] { CaseStatus.Assigned, CaseStatus.Triaged }); // the grid worker may be busy with other tests' cases
    }
}
