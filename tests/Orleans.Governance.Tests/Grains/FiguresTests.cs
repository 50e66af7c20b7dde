using Orleans.Governance.Abstractions;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Figures;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Tests.Support;

namespace Orleans.Governance.Tests.Grains;

[Collection(ClusterCollection.Name)]
public sealed class FiguresTests(ClusterFixture fixture)
{
    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task A_roll_up_is_the_unit_plus_the_sum_of_its_subtree()
    {
        var plan = await fixture.LoadAsync(TestCities.Small());
        var grids = plan.Units.Where(u => u.Level == Level.Grid).ToList();
        for (var i = 0; i < grids.Count; i++)
        {
            var id = $"case-{Guid.NewGuid():N}";
            var grain = Client.GetGrain<ICaseGrain>(id);
            var receipt = await Client.RegisterAsync(id, CaseDriver.Report(grids[i]));
            var outcome = i % 3;
            if (outcome == 1)
            {
                var resolved = await grain.MediateAsync(receipt, agreement: true);
                await grain.ExecuteAsync(new CloseCase(resolved.MediatorId!));
            }
            else if (outcome == 2)
            {
                await grain.ClimbToAsync(receipt, Level.Village, agreementThere: true);
            }
        }

        var own = await Task.WhenAll(plan.Units.Select(u => Client.GetUnit(u.Ref).GetFiguresAsync()));
        var city = await Client.GetGrain<ICityGrain>(plan.Id).GetFiguresAsync();
        var county = plan.Units.First(u => u.Level == Level.County);
        var countyRollup = await Client.GetGrain<ICentreGrain>(county.Id).GetRollupAsync();

        Assert.Equal(plan.Units.Count, city.Units);
        Assert.Equal(24 + 8, city.Admitted);
        Assert.Equal(own.Sum(f => f.Admitted), city.Admitted);
        Assert.Equal(16, city.ResolvedHere);
        Assert.Equal(8, city.EscalatedOut);
        Assert.Equal(8, city.ClosedHere);
        Assert.Equal(own.Sum(f => f.Open), city.Open);
        Assert.Equal(8L, city.OpenByStatus[CaseStatus.Assigned]);
        Assert.Equal(own.Sum(f => f.TimeToClose.Count), city.TimeToClose.Count);
        var subtree = own.Where(f => f.UnitId == county.Id || f.UnitId.StartsWith(county.Id + "-", StringComparison.Ordinal)).ToList();
        Assert.Equal(subtree.Count, countyRollup.Units);
        Assert.Equal(subtree.Sum(f => f.Admitted), countyRollup.Admitted);
        Assert.Equal(subtree.Sum(f => f.ResolvedHere), countyRollup.ResolvedHere);
    }

    [Fact]
    public void Merged_histograms_give_the_quantiles_of_the_union()
    {
        var a = new DurationHistogram();
        var b = new DurationHistogram();
        for (var i = 1; i <= 95; i++)
        {
            a.Add(TimeSpan.FromHours(i % 10 + 1));
        }

        for (var i = 0; i < 5; i++)
        {
            b.Add(TimeSpan.FromDays(20));
        }

        a.Merge(b);

        Assert.Equal(100, a.Count);
        Assert.InRange(a.QuantileMinutes(0.95), 9 * 60, 11 * 60 * 1.2);
        Assert.InRange(a.QuantileMinutes(0.96), 20 * 1440, 20 * 1440 * 1.19);
    }
}
