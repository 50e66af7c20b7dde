using Orleans.Governance.Abstractions;
using Orleans.Governance.Domain.City;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Tests.Support;

namespace Orleans.Governance.Tests.Grains;

[Collection(ClusterCollection.Name)]
public sealed class CityLoadingTests(ClusterFixture fixture)
{
    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task Loading_the_same_city_again_changes_nothing_and_keeps_the_cases()
    {
        var city = TestCities.Small();
        var grain = Client.GetGrain<ICityGrain>(city.Id);
        var first = await grain.LoadAsync(city);
        var plan = CityPlan.From(city, city.Id);
        var grid = plan.At(Level.Grid);
        await Client.RegisterAsync($"case-{Guid.NewGuid():N}", CaseDriver.Report(grid));

        var second = await grain.LoadAsync(CityFile.Parse(CityFile.Write(city), "reloaded"));

        Assert.Equal((plan.Units.Count, plan.Units.Count, 0), (first.Units, first.Configured, first.Unchanged));
        Assert.Equal((plan.Units.Count, 0, plan.Units.Count), (second.Units, second.Configured, second.Unchanged));
        var figures = await Client.GetUnit(grid.Ref).GetFiguresAsync();
        Assert.Equal((1L, 1L), (figures.Admitted, figures.Open));
    }

    [Fact]
    public async Task Loading_a_changed_city_reconfigures_only_the_changed_units()
    {
        var city = TestCities.Small();
        await Client.GetGrain<ICityGrain>(city.Id).LoadAsync(city);
        var township = city.Units.First(u => u.Level == Level.Township);
        var changed = city with
        {
            Units = city.Units.Select(u => u == township ? u with { Mediators = [.. u.Mediators, new MediatorTeam { Count = 2 }] } : u).ToList(),
        };

        var report = await Client.GetGrain<ICityGrain>(city.Id).LoadAsync(changed);

        Assert.Equal(1, report.Configured);
    }

    [Fact]
    public async Task An_invalid_city_is_refused_by_the_cluster_and_configures_nothing()
    {
        var city = TestCities.Small();
        var broken = city with { Units = [.. city.Units, new UnitDefinition { Id = "orphan", Name = "孤村", Level = Level.Village, Parent = "nowhere", Mediators = [new MediatorTeam()] }] };

        var error = await Assert.ThrowsAnyAsync<Exception>(() => Client.GetGrain<ICityGrain>(city.Id).LoadAsync(broken));

        Assert.Contains($"units[{city.Units.Count}] 'orphan': parent 'nowhere' does not exist", error.Message);
        var unit = CityPlan.From(city, city.Id).Root;
        await Assert.ThrowsAnyAsync<Exception>(() => Client.GetUnit(unit.Ref).GetFiguresAsync());
    }
}
