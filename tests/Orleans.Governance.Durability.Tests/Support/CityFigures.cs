using Orleans.Governance.Abstractions;
using Orleans.Governance.Domain.City;
using Orleans.Governance.Domain.Desk;
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
        if (city.Open != 0)
        {
            await DescribeOpenCasesAsync(client, cityFile, output);
        }

        Assert.Equal((2L * lifecycles, (long)lifecycles, (long)lifecycles, (long)lifecycles, 0L), (city.Admitted, city.EscalatedOut, city.ResolvedHere, city.ClosedHere, city.Open));
    }

    public static IReadOnlyList<UnitProfile> Grids(string cityFile) =>
        CityFile.LoadFile(cityFile).Units.Where(u => u.Level == Level.Grid).ToList();

    /// <summary>After a load of closed lifecycles no desk should hold a case: each one a desk still holds, beside where its own file says it is.</summary>
    private static async Task DescribeOpenCasesAsync(IClusterClient client, string cityFile, ITestOutputHelper output)
    {
        foreach (var unit in CityFile.LoadFile(cityFile).Units)
        {
            var desk = client.GetUnit(unit.Ref);
            if ((await ClusterClient.Retry.RunAsync(desk.GetFiguresAsync)).Open == 0)
            {
                continue;
            }

            foreach (var list in new[] { Worklist.Queue, Worklist.Assigned })
            {
                foreach (var item in await ClusterClient.Retry.RunAsync(() => desk.GetWorklistAsync(list)))
                {
                    var file = await ClusterClient.Retry.RunAsync(() => client.GetCase(item.CaseId).GetAsync());
                    var trail = string.Join(", ", file.Trail.Select(e => $"{e.Action}@{e.UnitId}"));
                    output.WriteLine($"  unit {unit.Id} holds case {item.CaseId} as {item.Status} (admitted {item.AdmittedAt:HH:mm:ss.fff}); the case file: {file.Status} at {file.UnitId}, trail {trail}");
                }
            }
        }
    }
}
