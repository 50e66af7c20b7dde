using System.Net;
using Orleans.Governance.Api.Tests.Support;
using Orleans.Governance.Domain.Access;
using Orleans.Governance.Domain.Cases;

namespace Orleans.Governance.Api.Tests;

/// <summary>A case's whole way through the API: a grid, up to its village, and round to the follow-up call.</summary>
[Collection(ApiCollection.Name)]
public sealed class CaseWalkTests(ApiHost host)
{
    [Fact]
    public async Task Register_at_a_grid_sign_session_fail_escalate_then_the_village_resolves_closes_and_follows_up()
    {
        var grid = SampleUnits.WalkGrid;
        var village = host.SelfAndAncestors(grid)[1];
        var worker = host.ClientFor(Role.GridWorker, grid, "w1");
        var number = (await Calls.RegisterAsync(worker, grid)).CaseNumber;

        var mine = await Calls.GetAsync(worker, "/api/v1/me/tasks");
        Assert.Contains(number, mine.Json.AsArray().Select(t => (string)t!["caseNumber"]!));

        var villageLeader = host.ClientFor(Role.CentreLeader, village);
        // The village is the grid's parent: the case at its grid is already in its jurisdiction.
        Assert.Equal(HttpStatusCode.OK, (await Calls.GetAsync(villageLeader, $"/api/v1/cases/{number}")).Status);

        await Calls.ActAsync(worker, number, "sign");
        await Calls.ActAsync(worker, number, "sessions", new { jointDepartments = new[] { "police" }, note = "民警参与" });
        await Calls.ActAsync(worker, number, "fail");
        var escalated = await Calls.ActAsync(worker, number, "escalate");
        Assert.Equal(village, (string)escalated.Json["unitId"]!);
        Assert.Equal("village", (string)escalated.Json["level"]!);

        // The village sees it: by number, and on its worklists.
        var atVillage = await Calls.ReadAsync(villageLeader, number);
        Assert.Equal(village, (string)atVillage.Json["unitId"]!);
        var queue = await Calls.GetAsync(villageLeader, $"/api/v1/units/{village}/worklists/queue");
        var assigned = await Calls.GetAsync(villageLeader, $"/api/v1/units/{village}/worklists/assigned");
        var listed = queue.Json.AsArray().Concat(assigned.Json.AsArray()).Select(t => (string)t!["caseNumber"]!).ToList();
        Assert.Single(listed, n => n == number);

        // The grid worker no longer holds it, but still sees what passed through the grid.
        Assert.DoesNotContain(number, (await Calls.GetAsync(worker, "/api/v1/me/tasks")).Json.AsArray().Select(t => (string)t!["caseNumber"]!));
        Assert.Equal(HttpStatusCode.OK, (await Calls.GetAsync(worker, $"/api/v1/cases/{number}")).Status);

        var mediatorId = (await host.FileAsync(number)).MediatorId;
        Assert.True(mediatorId is not null, "the village's mediators are all busy: no other test may escalate into " + village);
        var mediator = host.ClientFor(Role.Mediator, village, Calls.PersonOf(mediatorId));
        var tasks = await Calls.GetAsync(mediator, "/api/v1/me/tasks");
        var task = Assert.Single(tasks.Json.AsArray(), t => (string)t!["caseNumber"]! == number)!;
        Assert.Equal(mediatorId, (string)task["mediatorId"]!);
        Assert.Equal("assigned", (string)task["status"]!);

        await Calls.ActAsync(mediator, number, "sign");
        await Calls.ActAsync(mediator, number, "sessions");
        await Calls.ActAsync(mediator, number, "resolve", new { judicialConfirmation = true });
        var staff = host.ClientFor(Role.CentreStaff, village, "clerk");
        await Calls.ActAsync(staff, number, "close");
        var followedUp = await Calls.ActAsync(staff, number, "follow-up", new { satisfaction = 4 });

        Assert.Equal("followedUp", (string)followedUp.Json["status"]!);
        Assert.Equal(4, (int)followedUp.Json["satisfaction"]!);
        var file = await host.FileAsync(number);
        Assert.Equal(
            [CaseAction.Register, CaseAction.Triage, CaseAction.Assign, CaseAction.Accept, CaseAction.HoldSession, CaseAction.Fail,
             CaseAction.Escalate, CaseAction.Triage, CaseAction.Assign, CaseAction.Accept, CaseAction.HoldSession, CaseAction.Resolve,
             CaseAction.Close, CaseAction.FollowUp],
            file.Trail.Select(e => e.Action));
        Assert.Equal(file.Trail.Select(e => e.Action.ToString()), followedUp.Json["trail"]!.AsArray().Select(e => Pascal((string)e!["action"]!)));

        // Finished: off every list, and the public sees it done.
        Assert.DoesNotContain(number, (await Calls.GetAsync(mediator, "/api/v1/me/tasks")).Json.AsArray().Select(t => (string)t!["caseNumber"]!));
        var status = await Calls.GetAsync(host.CreateClient(), $"/api/v1/public/cases/{number}");
        Assert.True((bool)status.Json["finished"]!);
        Assert.Equal("已办结并回访", (string)status.Json["statusText"]!);
    }

    private static string Pascal(string camel) => char.ToUpperInvariant(camel[0]) + camel[1..];

    [Fact]
    public async Task Escalation_is_refused_at_the_grid_until_mediation_failed()
    {
        var grid = SampleUnits.TakeFreshGrid();
        var worker = host.ClientFor(Role.GridWorker, grid, "w1");
        var number = (await Calls.RegisterAsync(worker, grid)).CaseNumber;
        var current = await Calls.ReadAsync(worker, number);
        var answer = await Calls.SendAsync(worker, HttpMethod.Post, $"/api/v1/cases/{number}/escalate", new { reason = "太难" }, current.ETag);
        Assert.Equal(HttpStatusCode.Conflict, answer.Status);
        Assert.Equal("lifecycle.Escalate", (string?)answer.Json["rule"]);
        Assert.StartsWith($"Case {number} is Assigned: cannot Escalate.", (string)answer.Json["detail"]!, StringComparison.Ordinal);
    }
}
