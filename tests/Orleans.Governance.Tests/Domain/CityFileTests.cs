using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.City;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Tests.Domain;

public sealed class CityFileTests
{
    private const string Valid = """
        {
          "id": "t", "name": "测试市",
          "units": [
            { "id": "t", "name": "测试市", "level": "city", "mediators": [{ "count": 2 }] },
            { "id": "t-1", "name": "甲县", "level": "county", "parent": "t", "mediators": [{ "count": 2, "skills": ["labour", "workInjury"] }],
              "departments": [{ "kind": "court", "stationing": "onCall" }] },
            { "id": "t-1-1", "name": "乙镇", "level": "township", "parent": "t-1", "mediators": [{ "count": 1 }] },
            { "id": "t-1-1-1", "name": "丙村", "level": "village", "parent": "t-1-1", "mediators": [{ "count": 1 }] },
            { "id": "t-1-1-1-1", "name": "丙村第1网格", "level": "grid", "parent": "t-1-1-1", "mediators": [{ "count": 1 }] }
          ]
        }
        """;

    [Fact]
    public void A_valid_file_gives_each_unit_its_ancestors_children_and_people()
    {
        var plan = CityFile.Load(Valid, "t.json");

        var grid = plan.Units.Single(u => u.Level == Level.Grid);
        var county = plan.Units.Single(u => u.Level == Level.County);
        Assert.Equal(["t-1-1-1", "t-1-1", "t-1", "t"], grid.Ancestors.Select(a => a.Id));
        Assert.Equal([new UnitRef("t-1-1", Level.Township)], county.Children);
        Assert.Equal(["t-1/m1", "t-1/m2"], county.Mediators.Select(m => m.Id));
        Assert.Equal([CaseType.Labour, CaseType.WorkInjury], county.Mediators[0].Skills);
        Assert.Equal(new StationedDepartment(DepartmentKind.Court, Stationing.OnCall), Assert.Single(county.Departments));
        Assert.Equal("t-1-1-1-1/w1", Assert.Single(grid.Mediators).Id);
        Assert.Equal(Level.City, plan.Root.Level);
    }

    [Theory]
    [InlineData("\"level\": \"village\", \"parent\": \"t-1-1\"", "\"level\": \"village\", \"parent\": \"nowhere\"", "units[3] 't-1-1-1': parent 'nowhere' does not exist")]
    [InlineData("\"id\": \"t-1-1-1-1\"", "\"id\": \"t-1-1-1\"", "units[4] 't-1-1-1': duplicate id (first used by units[3])")]
    [InlineData("\"level\": \"township\", \"parent\": \"t-1\", \"mediators\": [{ \"count\": 1 }]", "\"level\": \"township\", \"parent\": \"t-1\", \"mediators\": [{ \"count\": -3 }]", "units[2] 't-1-1' mediators[0]: staff count must be between 0 and 1000, got -3")]
    [InlineData("\"parent\": \"t-1\", \"mediators\": [{ \"count\": 1 }]", "\"parent\": \"t-1\", \"mediators\": [{ \"count\": 5000000 }]", "units[2] 't-1-1' mediators[0]: staff count must be between 0 and 1000, got 5000000")]
    [InlineData("\"parent\": \"t-1\", \"mediators\": [{ \"count\": 1 }]", "\"parent\": \"t-1\", \"mediators\": [{ \"count\": 1, \"concurrentCases\": 100000 }]", "units[2] 't-1-1' mediators[0]: concurrentCases must be between 1 and 1000, got 100000")]
    [InlineData("\"name\": \"乙镇\"", "\"name\": \"乙镇乙镇乙镇乙镇乙镇乙镇乙镇乙镇乙镇乙镇乙镇乙镇乙镇乙镇乙镇乙镇乙镇乙镇乙镇乙镇乙镇乙镇乙镇乙镇乙镇乙镇乙镇乙镇乙镇乙镇乙镇乙镇乙镇乙镇乙镇乙镇乙镇乙镇乙镇乙镇乙镇乙镇乙镇乙镇乙镇乙镇乙镇乙镇乙镇乙镇乙镇\"", "units[2] 't-1-1': name of 102 characters, at most 100")]
    [InlineData("\"id\": \"t-1-1-1-1\"", "\"id\": \"t-1-1-1-1-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"", "units[4]: id of 74 characters, at most 64")]
    [InlineData("[\"labour\", \"workInjury\"]", "[\"labour\", \"divorce\"]", "units[1] 't-1' mediators[0]: unknown case type 'divorce'")]
    [InlineData("{ \"kind\": \"court\", \"stationing\": \"onCall\" }", "{ \"kind\": \"army\", \"stationing\": \"onCall\" }", "units[1] 't-1' departments[0]: unknown department 'army'")]
    [InlineData("\"level\": \"village\", \"parent\": \"t-1-1\"", "\"level\": \"village\", \"parent\": \"t-1\"", "units[3] 't-1-1-1': a Village must hang under a Township, but parent 't-1' is a County")]
    [InlineData("\"level\": \"grid\"", "\"level\": \"hamlet\"", "units[4] 't-1-1-1-1': unknown level 'hamlet'")]
    [InlineData("\"level\": \"grid\"", "\"level\": \"4\"", "units[4] 't-1-1-1-1': unknown level '4' (expected grid, village, township, county or city)")]
    [InlineData("\"name\": \"丙村\", \"level\": \"village\", \"parent\": \"t-1-1\", \"mediators\": [{ \"count\": 1 }]", "\"name\": \"丙村\", \"level\": \"village\", \"parent\": \"t-1-1\", \"mediators\": []", "units[3] 't-1-1-1': a centre needs at least one mediator")]
    public void A_bad_entry_is_refused_with_its_name_and_the_problem(string from, string to, string expected)
    {
        Assert.Contains(from, Valid);

        var error = Assert.Throws<CityFileException>(() => CityFile.Load(Valid.Replace(from, to), "t.json"));

        Assert.Contains(expected, error.Message);
        Assert.StartsWith("t.json is not a valid city file", error.Message);
    }

    [Fact]
    public void Restaffing_gives_a_unit_one_generalist_team_named_as_its_own()
    {
        var generated = CityGenerator.Generate(new CityShape());
        var city = generated.Restaffed(unit => unit.Level is Level.Township or Level.Grid ? 3 : null);

        var township = city.Units.First(u => u.Level == Level.Township);
        Assert.Equal([new MediatorTeam { Name = "人民调解委员会", Count = 3 }], township.Mediators);
        Assert.Equal("网格员", Assert.Single(city.Units.First(u => u.Level == Level.Grid).Mediators).Name);
        Assert.Same(generated.Units.First(u => u.Level == Level.County), city.Units.First(u => u.Level == Level.County));
    }

    [Fact]
    public void A_cycle_of_parents_is_refused_with_the_cycle()
    {
        var cyclic = Valid
            .Replace("\"id\": \"t-1-1\", \"name\": \"乙镇\", \"level\": \"township\", \"parent\": \"t-1\"", "\"id\": \"t-1-1\", \"name\": \"乙镇\", \"level\": \"township\", \"parent\": \"t-1-1-1\"");

        var error = Assert.Throws<CityFileException>(() => CityFile.Load(cyclic, "t.json"));

        Assert.Contains("its parents form a cycle: t-1-1 → t-1-1-1 → t-1-1", error.Message);
    }

    [Theory]
    [InlineData("{ \"id\": \"t\", \"units\": [ { \"id\": \"t\" ", "malformed JSON")]
    [InlineData("", "malformed JSON")]
    [InlineData("{ \"id\": \"t\", \"units\": [], \"colour\": \"red\" }", "malformed JSON at $.colour")]
    [InlineData("{ \"id\": \"t\", \"units\": [ { \"id\": \"t\", \"level\": \"city\", \"mediators\": [ { \"count\": \"many\" } ] } ] }", "malformed JSON at $.units[0].mediators[0].count")]
    public void A_malformed_file_is_refused_with_where_it_broke(string json, string expected)
    {
        var error = Assert.Throws<CityFileException>(() => CityFile.Load(json, "bad.json"));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_bad_policy_is_refused_naming_the_field()
    {
        var error = Assert.Throws<CityFileException>(() => CityFile.Load(Valid.Replace("\"units\": [", "\"policy\": { \"simpleDays\": -1 }, \"units\": ["), "t.json"));

        Assert.Contains("policy.simpleDays must be a positive number of at most 365, got -1", error.Message);
        Assert.DoesNotContain("malformed", error.Message);
    }

    [Theory]
    [InlineData("\"complexDays\": 1e300", "policy.complexDays must be a positive number of at most 365, got 1E+300")]
    [InlineData("\"signWarningHours\": 100000", "policy.signWarningHours must be a positive number of at most 8760, got 100000")]
    [InlineData("\"overdueEscalationDays\": 400", "policy.overdueEscalationDays must be from 0 to 365 (or null to never escalate), got 400")]
    [InlineData("\"complexAmountYuan\": 9000000000000000", "policy.complexAmountYuan must be from 0 to 1000000000000, got 9000000000000000")]
    [InlineData("\"complexPartyCount\": 2000000", "policy.complexPartyCount must be from 2 to 10000, got 2000000")]
    public void Policy_values_beyond_their_bound_are_refused_naming_the_bound(string setting, string expected)
    {
        var error = Assert.Throws<CityFileException>(() => CityFile.Load(Valid.Replace("\"units\": [", $"\"policy\": {{ {setting} }}, \"units\": ["), "t.json"));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_generated_city_is_bounded_in_grids_and_team_sizes()
    {
        var shape = new CityShape { Id = "big", Counties = 1, Townships = 1, Villages = 1, Grids = 5_000_000, VillageMediators = 100_000 };

        Assert.Contains("grids must be at most 200,000, got 5,000,000", shape.Validate());
        Assert.Contains("villageMediators must be between 1 and 1000, got 100000", shape.Validate());
    }

    [Fact]
    public void The_dezhou_generator_builds_the_reported_hierarchy_and_is_deterministic()
    {
        var city = CityGenerator.Generate(CityShape.Dezhou);
        var plan = CityPlan.From(city, "dezhou");

        Assert.Equal((1, 12, 134, 2_700, 14_000), (plan.CountAt(Level.City), plan.CountAt(Level.County), plan.CountAt(Level.Township), plan.CountAt(Level.Village), plan.CountAt(Level.Grid)));
        Assert.Equal(CityFile.Write(city), CityFile.Write(CityGenerator.Generate(CityShape.Dezhou)));
        Assert.Contains(plan.Units, u => u.Name == "乐陵市");
    }

    [Theory]
    [InlineData("sample.json", 55)]
    [InlineData("dezhou.json", 16_847)]
    public void The_shipped_cities_load_and_round_trip(string file, int units)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "cities", file);

        var plan = CityFile.LoadFile(path);

        Assert.Equal(units, plan.Units.Count);
        Assert.Equal(File.ReadAllText(path), CityFile.Write(plan.Definition));
    }
}
