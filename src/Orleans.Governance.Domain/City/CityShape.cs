using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Domain.City;

/// <summary>The few numbers a generated city is built from (e.g. Dezhou: 12 counties, 134 townships, ~2,700 villages, ~14,000 grids).</summary>
public sealed record CityShape
{
    public string Id { get; init; } = "sample";

    public string Name { get; init; } = "示例市";

    public int Counties { get; init; } = 2;

    public int Townships { get; init; } = 4;

    public int Villages { get; init; } = 12;

    public int Grids { get; init; } = 36;

    /// <summary>Names for the counties, used in order before generated ones.</summary>
    public IReadOnlyList<string> CountyNames { get; init; } = [];

    /// <summary>Mediators per centre at village, township, county and city level.</summary>
    public int VillageMediators { get; init; } = 2;

    public int TownshipMediators { get; init; } = 4;

    public int CountyMediators { get; init; } = 8;

    public int CityMediators { get; init; } = 12;

    public int Seed { get; init; } = 1;

    public GovernancePolicy Policy { get; init; } = new();

    /// <summary>德州市: 12 county-level centres, 134 township centres, about 2,700 villages and 14,000 grid workers.</summary>
    public static CityShape Dezhou => new()
    {
        Id = "dezhou",
        Name = "德州市",
        Counties = 12,
        Townships = 134,
        Villages = 2_700,
        Grids = 14_000,
        CountyNames = ["德城区", "陵城区", "天衢新区", "禹城市", "乐陵市", "宁津县", "庆云县", "临邑县", "齐河县", "平原县", "夏津县", "武城县"],
        Seed = 2025,
    };

    /// <summary>The largest city generated: about ten times Dezhou's grids, a few GB of grains in one silo.</summary>
    public const int MaxGrids = 200_000;

    /// <summary>Problems with the numbers, each naming the field.</summary>
    public IEnumerable<string> Validate()
    {
        if (Counties < 1)
        {
            yield return $"counties must be at least 1, got {Counties}";
        }

        if (Grids > MaxGrids)
        {
            yield return $"grids must be at most {MaxGrids:N0}, got {Grids:N0}";
        }

        if (Townships < Counties)
        {
            yield return $"townships ({Townships}) must be at least counties ({Counties})";
        }

        if (Villages < Townships)
        {
            yield return $"villages ({Villages}) must be at least townships ({Townships})";
        }

        if (Grids < Villages)
        {
            yield return $"grids ({Grids}) must be at least villages ({Villages})";
        }

        foreach (var (name, count) in new[] { ("villageMediators", VillageMediators), ("townshipMediators", TownshipMediators), ("countyMediators", CountyMediators), ("cityMediators", CityMediators) })
        {
            if (count is < 1 or > CityPlan.MaxTeamSize)
            {
                yield return $"{name} must be between 1 and {CityPlan.MaxTeamSize}, got {count}";
            }
        }
    }
}
