using Orleans.Governance.Domain.City;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Tests.Support;

/// <summary>Small cities with ids of their own, so that tests sharing a cluster never share a unit.</summary>
public static class TestCities
{
    /// <summary>One unit per level (two grids), one mediator per centre: city → county → township → village → grids.</summary>
    public static CityDefinition Chain(GovernancePolicy? policy = null)
    {
        var id = "chain-" + Guid.NewGuid().ToString("N")[..8];
        return CityGenerator.Generate(new CityShape
        {
            Id = id,
            Name = "链市",
            Counties = 1,
            Townships = 1,
            Villages = 1,
            Grids = 2,
            VillageMediators = 1,
            TownshipMediators = 1,
            CountyMediators = 1,
            CityMediators = 1,
            Policy = policy ?? new GovernancePolicy(),
        });
    }

    /// <summary>A city of two counties with two townships each, three villages each and two grids each.</summary>
    public static CityDefinition Small() => CityGenerator.Generate(new CityShape
    {
        Id = "small-" + Guid.NewGuid().ToString("N")[..8],
        Counties = 2,
        Townships = 4,
        Villages = 12,
        Grids = 24,
    });
}
