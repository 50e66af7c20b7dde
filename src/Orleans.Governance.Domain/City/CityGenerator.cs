using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Domain.City;

/// <summary>
/// Builds a realistic city from a <see cref="CityShape"/>: units spread unevenly but
/// deterministically (same shape, same city), Chinese place names, specialised mediator teams
/// and stationed departments growing with the level, as the articles describe them.
/// </summary>
public static class CityGenerator
{
    private static readonly string[] s_syllables =
        ["安", "宝", "昌", "城", "丰", "福", "广", "和", "华", "吉", "嘉", "康", "乐", "良", "临", "柳", "明", "宁",
         "平", "庆", "仁", "瑞", "盛", "泰", "王", "文", "祥", "新", "兴", "阳", "永", "裕", "张", "赵", "东", "西", "南", "北", "河", "林"];

    public static CityDefinition Generate(CityShape shape)
    {
        var problems = shape.Validate().ToList();
        if (problems.Count > 0)
        {
            throw new CityFileException($"city shape '{shape.Id}'", problems);
        }

        var random = new Random(shape.Seed);
        var units = new List<UnitDefinition>(1 + shape.Counties + shape.Townships + shape.Villages + shape.Grids);
        var city = shape.Id;
        units.Add(Centre(city, shape.Name, Level.City, null, CityTeams(shape.CityMediators), AllDepartments(Stationing.Resident)));

        var townshipsPer = Spread(shape.Townships, shape.Counties, random);
        var villagesPer = Spread(shape.Villages, shape.Townships, random);
        var gridsPer = Spread(shape.Grids, shape.Villages, random);
        int township = 0, village = 0;
        for (var c = 0; c < shape.Counties; c++)
        {
            var countyId = $"{city}-{c + 1:D2}";
            var countyName = c < shape.CountyNames.Count ? shape.CountyNames[c] : PlaceName(random, "县");
            units.Add(Centre(countyId, countyName, Level.County, city, CountyTeams(shape.CountyMediators), CountyDepartments()));
            for (var t = 0; t < townshipsPer[c]; t++, township++)
            {
                var townshipId = $"{countyId}-{t + 1:D2}";
                units.Add(Centre(townshipId, PlaceName(random, random.Next(4) == 0 ? "街道" : "镇"), Level.Township, countyId,
                    TownshipTeams(shape.TownshipMediators), TownshipDepartments()));
                for (var v = 0; v < villagesPer[township]; v++, village++)
                {
                    var villageId = $"{townshipId}-{v + 1:D3}";
                    var villageName = PlaceName(random, random.Next(5) == 0 ? "社区" : "村");
                    units.Add(Centre(villageId, villageName, Level.Village, townshipId,
                        [new MediatorTeam { Name = "人民调解委员会", Count = shape.VillageMediators }], []));
                    for (var g = 0; g < gridsPer[village]; g++)
                    {
                        units.Add(new UnitDefinition
                        {
                            Id = $"{villageId}-{g + 1}",
                            Name = $"{villageName}第{g + 1}网格",
                            Level = Level.Grid,
                            Parent = villageId,
                            Mediators = [new MediatorTeam { Name = "网格员", Count = 1 }],
                        });
                    }
                }
            }
        }

        return new CityDefinition { Id = city, Name = shape.Name, Policy = shape.Policy, Units = units };
    }

    /// <summary>Splits <paramref name="total"/> over <paramref name="buckets"/>: each gets the mean, the remainder goes to random buckets.</summary>
    private static int[] Spread(int total, int buckets, Random random)
    {
        var counts = Enumerable.Repeat(total / buckets, buckets).ToArray();
        foreach (var bucket in Enumerable.Range(0, buckets).OrderBy(_ => random.Next()).Take(total % buckets))
        {
            counts[bucket]++;
        }

        return counts;
    }

    private static string PlaceName(Random random, string suffix) =>
        s_syllables[random.Next(s_syllables.Length)] + s_syllables[random.Next(s_syllables.Length)] + suffix;

    private static UnitDefinition Centre(string id, string name, Level level, string? parent, IReadOnlyList<MediatorTeam> teams, IReadOnlyList<DepartmentDefinition> departments) =>
        new() { Id = id, Name = name, Level = level, Parent = parent, Mediators = teams, Departments = departments };

    /// <summary>A generalist committee plus a labour team: labour disputes are the largest category.</summary>
    private static MediatorTeam[] TownshipTeams(int count) =>
    [
        new() { Name = "人民调解委员会", Count = count - count / 4 },
        new() { Name = "劳动争议调解组", Count = count / 4, Skills = Skills(CaseType.Labour, CaseType.WorkInjury, CaseType.ConstructionPayment) },
    ];

    private static MediatorTeam[] CountyTeams(int count) =>
    [
        new() { Name = "劳动争议调解组", Count = count / 4, Skills = Skills(CaseType.Labour, CaseType.WorkInjury, CaseType.ConstructionPayment) },
        new() { Name = "婚姻家庭调解组", Count = count / 4, Skills = Skills(CaseType.MarriageFamily, CaseType.ElderSupport, CaseType.Neighbour) },
        new() { Name = "物业房产调解组", Count = count / 4, Skills = Skills(CaseType.PropertyManagement, CaseType.HousingHomestead, CaseType.LandContract) },
        new() { Name = "综合调解组", Count = count - 3 * (count / 4) },
    ];

    private static MediatorTeam[] CityTeams(int count) =>
    [
        new() { Name = "专业调解组", Count = count / 2, Skills = Skills(CaseType.InvestmentPartnership, CaseType.ConstructionPayment, CaseType.TrafficAccident, CaseType.Legal, CaseType.Labour) },
        new() { Name = "综合调解组", Count = count - count / 2 },
    ];

    private static DepartmentDefinition[] TownshipDepartments() =>
    [
        new() { Kind = "justiceBureau", Stationing = "resident" },
        new() { Kind = "police", Stationing = "rotating" },
        new() { Kind = "court", Stationing = "onCall" },
    ];

    private static DepartmentDefinition[] CountyDepartments() =>
    [
        new() { Kind = "police", Stationing = "resident" },
        new() { Kind = "court", Stationing = "resident" },
        new() { Kind = "justiceBureau", Stationing = "resident" },
        new() { Kind = "petitionOffice", Stationing = "resident" },
        new() { Kind = "labourArbitration", Stationing = "rotating" },
        new() { Kind = "humanResources", Stationing = "rotating" },
        new() { Kind = "housing", Stationing = "onCall" },
    ];

    private static DepartmentDefinition[] AllDepartments(Stationing stationing) =>
        Enum.GetValues<DepartmentKind>().Select(k => new DepartmentDefinition { Kind = Camel(k.ToString()), Stationing = Camel(stationing.ToString()) }).ToArray();

    private static string[] Skills(params CaseType[] types) => types.Select(t => Camel(t.ToString())).ToArray();

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
