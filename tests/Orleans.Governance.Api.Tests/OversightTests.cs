using System.Net;
using System.Text.Json.Nodes;
using Orleans.Governance.Api.Tests.Support;
using Orleans.Governance.Domain.Access;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Api.Tests;

/// <summary>What leaders watch: who they are, their units' figures, the trend, overdue cases and early warnings.</summary>
[Collection(ApiCollection.Name)]
public sealed class OversightTests(ApiHost host)
{
    private const string County = "sample-01";

    [Fact]
    public async Task Me_is_the_token_s_person_at_a_unit_of_the_city()
    {
        var me = await Calls.GetAsync(host.ClientFor(Role.CentreLeader, County, "leader-1"), "/api/v1/me");
        Assert.Equal(HttpStatusCode.OK, me.Status);
        Assert.Equal(("sample-01/leader-1", "centreLeader", County, "county"),
            ((string)me.Json["actor"]!, (string)me.Json["role"]!, (string)me.Json["unitId"]!, (string)me.Json["level"]!));
        Assert.Equal(host.City.Units.Single(u => u.Id == County).Name, (string)me.Json["unitName"]!);

        var stranger = await Calls.GetAsync(host.ClientFor(Role.CentreLeader, "elsewhere-01"), "/api/v1/me");
        Assert.Equal(HttpStatusCode.Forbidden, stranger.Status);
        Assert.Contains("elsewhere-01", (string)stranger.Json["detail"]!);
    }

    [Fact]
    public async Task Each_child_s_figures_are_its_subtree_figures()
    {
        var leader = host.ClientFor(Role.CentreLeader, County);
        var staff = host.ClientFor(Role.CentreStaff, County);
        var township = host.City.Units.First(u => u.Parent?.Id == County);
        // A grid of the property test's villages: the other grids' workers are reserved for tests that need them free (SampleUnits).
        var grid = SampleUnits.PropertyGrids.First(g => host.SelfAndAncestors(g).Contains(township.Id));
        await Calls.RegisterAsync(staff, grid);

        var children = await Calls.GetAsync(leader, $"/api/v1/units/{County}/figures/children");

        Assert.Equal(HttpStatusCode.OK, children.Status);
        Assert.Equal(host.City.Units.Where(u => u.Parent?.Id == County).Select(u => u.Id), children.Json.AsArray().Select(c => (string)c!["unitId"]!));
        foreach (var child in children.Json.AsArray())
        {
            var subtree = await Calls.GetAsync(leader, $"/api/v1/units/{(string)child!["unitId"]!}/figures/subtree");
            Assert.Equal(host.City.Units.Single(u => u.Id == (string)child["unitId"]!).Name, (string)child["name"]!);
            Assert.True(JsonNode.DeepEquals(subtree.Json, child["figures"]), $"{child["figures"]} differs from {subtree.Json}");
        }

        Assert.True((long)children.Json.AsArray().Single(c => (string)c!["unitId"]! == township.Id)!["figures"]!["admitted"]! >= 1);
    }

    [Fact]
    public async Task The_trend_counts_today_s_registrations_in_the_subtree()
    {
        var leader = host.ClientFor(Role.CentreLeader, County);
        var staff = host.ClientFor(Role.CentreStaff, County);
        var grid = SampleUnits.PropertyGrids.Last(g => host.SelfAndAncestors(g).Contains(County));
        var today = CentreDays.DateOf(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var before = await Calls.GetAsync(leader, $"/api/v1/units/{County}/figures/trend");
        await Calls.RegisterAsync(staff, grid);
        await Calls.RegisterAsync(staff, grid);
        var after = await Calls.GetAsync(leader, $"/api/v1/units/{County}/figures/trend");

        var days = after.Json["days"]!.AsArray();
        Assert.Equal(56, days.Count);
        Assert.Equal(today, (string)days[^1]!["date"]!);
        Assert.Equal((int)before.Json["days"]!.AsArray()[^1]!["arrivals"]! + 2, (int)days[^1]!["arrivals"]!);
        Assert.Equal(["grid", "village", "township", "county", "city"], days[^1]!["resolvedByLevel"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task Supervision_lists_the_subtree_s_overdue_cases_within_a_stated_limit()
    {
        var leader = host.ClientFor(Role.CentreLeader, County);

        var list = await Calls.GetAsync(leader, $"/api/v1/units/{County}/supervision?limit=5");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.True((int)list.Json["total"]! >= list.Json["items"]!.AsArray().Count);

        foreach (var bad in new[] { "0", "1001" })
        {
            var refused = await Calls.GetAsync(leader, $"/api/v1/units/{County}/supervision?limit={bad}");
            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.Equal("limit", (string)refused.Json["field"]!);
        }
    }

    [Fact]
    public async Task Warnings_and_the_trend_of_another_county_do_not_exist_for_a_county_leader()
    {
        var leader = host.ClientFor(Role.CentreLeader, County);
        var other = host.City.Units.First(u => u.Level == Level.County && u.Id != County).Id;

        Assert.Equal(HttpStatusCode.OK, (await Calls.GetAsync(leader, $"/api/v1/units/{County}/warnings")).Status);
        foreach (var path in new[] { "warnings", "figures/trend", "figures/children", "supervision" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await Calls.GetAsync(leader, $"/api/v1/units/{other}/{path}")).Status);
        }
    }
}
