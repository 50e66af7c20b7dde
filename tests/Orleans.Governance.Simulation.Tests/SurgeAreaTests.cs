using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Simulation.Scenarios;
using Orleans.Governance.Simulation.Tests.Support;

namespace Orleans.Governance.Simulation.Tests;

/// <summary>A surge's area on the sample city (city sample → counties sample-01, sample-02 → townships → villages → grids).</summary>
public sealed class SurgeAreaTests
{
    private static readonly UnitTree s_tree = UnitTree.Of(TestScenarios.Parse(TestScenarios.SampleCity(10, 1)).City.Definition);

    private static Surge InCounty(string county) => new(5, 10, 3, new HashSet<CaseType> { CaseType.Labour }, new HashSet<string> { county });

    [Fact]
    public void A_county_surge_reaches_the_county_and_its_subtree_only()
    {
        var surge = InCounty("sample-01");
        Assert.True(surge.Reaches(s_tree, "sample-01"));
        Assert.True(surge.Reaches(s_tree, "sample-01-02"));
        Assert.True(surge.Reaches(s_tree, "sample-01-02-003-1"));
        Assert.False(surge.Reaches(s_tree, "sample-02-01-001-1"));
        Assert.False(surge.Reaches(s_tree, "sample"));
    }

    [Fact]
    public void Areas_overlap_when_one_holds_the_other()
    {
        var surge = InCounty("sample-01");
        Assert.True(surge.Overlaps(s_tree, "sample"), "the city holds the county");
        Assert.True(surge.Overlaps(s_tree, "sample-01"));
        Assert.True(surge.Overlaps(s_tree, "sample-01-01-001"), "the county holds the village");
        Assert.False(surge.Overlaps(s_tree, "sample-02"));
        Assert.False(surge.Overlaps(s_tree, "sample-02-01-001-1"));
    }

    [Fact]
    public void A_city_wide_surge_reaches_and_overlaps_every_unit()
    {
        var surge = InCounty("sample-01") with { Units = null };
        Assert.True(surge.Reaches(s_tree, "sample-02-01-001-1"));
        Assert.True(surge.Overlaps(s_tree, "sample-02"));
    }

    [Fact]
    public void A_surge_covers_its_days_and_types()
    {
        var surge = InCounty("sample-01");
        Assert.True(surge.Covers(5, CaseType.Labour));
        Assert.True(surge.Covers(9.99, CaseType.Labour));
        Assert.False(surge.Covers(10, CaseType.Labour));
        Assert.False(surge.Covers(4.99, CaseType.Labour));
        Assert.False(surge.Covers(6, CaseType.Neighbour));
        Assert.True((surge with { Types = null }).Covers(6, CaseType.Neighbour));
    }
}
