using System.Net;
using System.Text.Json.Nodes;
using Orleans.Governance.Api.Tests.Support;
using Orleans.Governance.Domain.Access;

namespace Orleans.Governance.Api.Tests;

/// <summary>Units, worklists, a person's own tasks and figures.</summary>
[Collection(ApiCollection.Name)]
public sealed class UnitTests(ApiHost host)
{
    private static readonly string[] s_workItemFields =
        ["admittedAt", "caseNumber", "closeBy", "grade", "mediatorId", "overdue", "signBy", "status", "type", "warned"];

    private static IEnumerable<string> Numbers(Answer list) => list.Json.AsArray().Select(t => (string)t!["caseNumber"]!);

    [Fact]
    public async Task A_unit_shows_its_parent_and_children()
    {
        var answer = await Calls.GetAsync(host.ClientFor(Role.CentreLeader, "sample-01"), "/api/v1/units/sample-01-01");
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("sample-01-01", (string)answer.Json["unitId"]!);
        Assert.Equal("township", (string)answer.Json["level"]!);
        Assert.Equal("sample-01", (string)answer.Json["parentId"]!);
        var expected = host.City.Units.Where(u => u.Parent?.Id == "sample-01-01").Select(u => u.Id).Order(StringComparer.Ordinal);
        Assert.Equal(expected, answer.Json["children"]!.AsArray().Select(c => (string)c!["unitId"]!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Queue_and_assigned_worklists_hold_the_units_cases_and_only_theirs()
    {
        var grid = SampleUnits.TakeFreshGrid();
        var worker = host.ClientFor(Role.GridWorker, grid, "w1");
        var first = (await Calls.RegisterAsync(worker, grid)).CaseNumber;
        var second = (await Calls.RegisterAsync(worker, grid)).CaseNumber;

        var assigned = await Calls.GetAsync(worker, $"/api/v1/units/{grid}/worklists/assigned");
        var queue = await Calls.GetAsync(worker, $"/api/v1/units/{grid}/worklists/queue");
        Assert.Equal([first], Numbers(assigned));
        Assert.Equal([second], Numbers(queue));
        Assert.Equal(s_workItemFields, assigned.Json[0]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("triaged", (string)queue.Json[0]!["status"]!);
        Assert.Null(queue.Json[0]!["mediatorId"]);

        // The township's own lists hold its own cases, not its grids'.
        var township = host.SelfAndAncestors(grid)[2];
        var leader = host.ClientFor(Role.CentreLeader, township);
        foreach (var list in new[] { "queue", "assigned", "overdue", "warned" })
        {
            var answer = await Calls.GetAsync(leader, $"/api/v1/units/{township}/worklists/{list}");
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            Assert.DoesNotContain(first, Numbers(answer));
            Assert.DoesNotContain(second, Numbers(answer));
        }
    }

    [Fact]
    public async Task Overdue_and_warned_lists_answer_with_their_shape_scoped_to_the_unit()
    {
        var grid = SampleUnits.TakeFreshGrid();
        var worker = host.ClientFor(Role.GridWorker, grid, "w1");
        var number = (await Calls.RegisterAsync(worker, grid)).CaseNumber;
        foreach (var list in new[] { "overdue", "warned" })
        {
            var answer = await Calls.GetAsync(worker, $"/api/v1/units/{grid}/worklists/{list}");
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            var items = Assert.IsType<JsonArray>(answer.Json);
            Assert.DoesNotContain(number, Numbers(answer)); // just registered: neither warned nor overdue
            Assert.All(items, i => Assert.True((bool)i![list]!));
            Assert.Equal(HttpStatusCode.NotFound, (await Calls.GetAsync(worker, $"/api/v1/units/{SampleUnits.CountyB}/worklists/{list}")).Status);
        }
    }

    [Fact]
    public async Task An_unknown_worklist_is_400_naming_list()
    {
        var answer = await Calls.GetAsync(host.ClientFor(Role.CentreLeader, "sample-01"), "/api/v1/units/sample-01/worklists/todo");
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("list", (string?)answer.Json["field"]);
    }

    [Fact]
    public async Task My_tasks_are_the_cases_I_hold_and_nobody_elses()
    {
        var grid = SampleUnits.TakeFreshGrid();
        var number = (await Calls.RegisterAsync(host.ClientFor(Role.GridWorker, grid, "w1"), grid)).CaseNumber;
        var mine = await Calls.GetAsync(host.ClientFor(Role.GridWorker, grid, "w1"), "/api/v1/me/tasks");
        Assert.Equal([number], Numbers(mine));
        Assert.Empty((await Calls.GetAsync(host.ClientFor(Role.GridWorker, grid, "w2"), "/api/v1/me/tasks")).Json.AsArray());
        Assert.Empty((await Calls.GetAsync(host.ClientFor(Role.Mediator, "sample-09", "m1"), "/api/v1/me/tasks")).Json.AsArray());
    }

    [Fact]
    public async Task Figures_own_subtree_and_levels_count_the_units_and_cases()
    {
        var grid = SampleUnits.TakeFreshGrid();
        await Calls.RegisterAsync(host.ClientFor(Role.GridWorker, grid, "w1"), grid);
        var county = host.SelfAndAncestors(grid)[3];
        var leader = host.ClientFor(Role.CentreLeader, county);

        var own = await Calls.GetAsync(leader, $"/api/v1/units/{grid}/figures");
        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.Equal(grid, (string)own.Json["unitId"]!);
        Assert.Equal(1, (int)own.Json["units"]!);
        Assert.True((long)own.Json["admitted"]! >= 1);
        Assert.True((long)own.Json["open"]! >= 1);

        var subtree = await Calls.GetAsync(leader, $"/api/v1/units/{county}/figures/subtree");
        Assert.Equal(HttpStatusCode.OK, subtree.Status);
        var unitsBelow = host.City.Units.Count(u => host.SelfAndAncestors(u.Id).Contains(county));
        Assert.Equal(unitsBelow, (int)subtree.Json["units"]!);
        Assert.True((long)subtree.Json["admitted"]! >= (long)own.Json["admitted"]!);

        var levels = await Calls.GetAsync(leader, $"/api/v1/units/{county}/figures/levels");
        Assert.Equal(HttpStatusCode.OK, levels.Status);
        var byLevel = levels.Json.AsArray().ToDictionary(l => (string)l!["level"]!, l => (int)l!["units"]!);
        Assert.Equal(1, byLevel["county"]);
        Assert.Equal(host.City.Units.Count(u => u.Level == Domain.Jurisdiction.Level.Grid && host.SelfAndAncestors(u.Id).Contains(county)), byLevel["grid"]);

        Assert.Equal(HttpStatusCode.NotFound, (await Calls.GetAsync(leader, "/api/v1/units/sample/figures")).Status);
    }
}
