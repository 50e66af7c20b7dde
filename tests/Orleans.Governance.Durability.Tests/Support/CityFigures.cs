using Orleans.Governance.Abstractions;
using Orleans.Governance.Domain.City;
using Orleans.Governance.Domain.Jurisdiction;
using Xunit.Abstractions;

namespace Orleans.Governance.Durability.Tests.Support;

/// <summary>The desks agree with the cases after a load of whole lifecycles (registered at a grid, escalated once to its village, resolved, closed).</summary>
public static class CityFigures
{
    public static async Task AssertEachCaseCountedOnceAsync(IClusterClient client, string cityFile, int lifecycles, ITestOutputHelper output)
    {
        var city = await ClusterClient.Retry.RunAsync(() => client.GetGrain<ICityGrain>(CityFile.LoadFile(cityFile).Id).GetFiguresAsync());
        output.WriteLine($"city figures: admitted {city.Admitted}, escalated {city.EscalatedOut}, resolved {city.ResolvedHere}, closed {city.ClosedHere}, open {city.Open}");
        Assert.Equal((2L * lifecycles, (long)lifecycles, (long)lifecycles, (long)lifecycles, 0L), (city.Admitted, city.EscalatedOut, city.ResolvedHere, city.ClosedHere, city.Open));
    }

    public static IReadOnlyList<UnitProfile> Grids(string cityFile) =>
        CityFile.LoadFile(cityFile).Units.Where(u => u.Level == Level.Grid).ToList();
}
