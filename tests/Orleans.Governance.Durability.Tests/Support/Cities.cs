using Orleans.Governance.Domain.City;

namespace Orleans.Governance.Durability.Tests.Support;

/// <summary>A small city whose people can hold many cases at once, so that load tests measure the cluster, not the queues.</summary>
public static class Cities
{
    public static CityDefinition Roomy(string id)
    {
        var city = CityGenerator.Generate(new CityShape { Id = id, Counties = 2, Townships = 4, Villages = 12, Grids = 36 });
        return city with
        {
            Units = city.Units.Select(u => u with { Mediators = u.Mediators.Select(t => t with { ConcurrentCases = 1_000 }).ToList() }).ToList(),
        };
    }

    public static string WriteRoomy(string id)
    {
        var path = Path.Combine(Path.GetTempPath(), $"{id}.json");
        File.WriteAllText(path, CityFile.Write(Roomy(id)));
        return path;
    }
}
