using System.Net;
using Orleans.Governance.Api.Tests.Support;
using Orleans.Governance.Domain.Access;
using Orleans.Governance.Domain.Cases;

namespace Orleans.Governance.Api.Tests;

/// <summary>
/// Every action on a case, each on a case of its own at a fresh grid (held by the grid worker w1):
/// without If-Match 428, at a stale version 412 with the current ETag, where the lifecycle refuses
/// 409 with the lifecycle's own text, and at the current version 200 with the next ETag.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ActionTests(ApiHost host)
{
    /// <summary>The steps that bring a freshly assigned case to where the action is legal, and what it leads to.</summary>
    public static TheoryData<string, string[], CaseStatus> Actions => new()
    {
        { "sign", [], CaseStatus.Accepted },
        { "sessions", ["sign"], CaseStatus.InMediation },
        { "resolve", ["sign", "sessions"], CaseStatus.Resolved },
        { "fail", ["sign", "sessions"], CaseStatus.Failed },
        { "escalate", ["sign", "sessions", "fail"], CaseStatus.Assigned },
        { "refer", ["sign", "sessions", "fail"], CaseStatus.Referred },
        { "close", ["sign", "sessions", "resolve"], CaseStatus.Closed },
        { "follow-up", ["sign", "sessions", "resolve", "close"], CaseStatus.FollowedUp },
    };

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task An_action_needs_the_current_version_and_a_legal_transition(string action, string[] before, CaseStatus after)
    {
        var grid = SampleUnits.TakeFreshGrid();
        var worker = host.ClientFor(Role.GridWorker, grid, "w1");
        var number = (await Calls.RegisterAsync(worker, grid)).CaseNumber;
        Assert.Equal($"{grid}/w1", (await host.FileAsync(number)).MediatorId);
        var path = $"/api/v1/cases/{number}/{action}";

        if (action != "sign")
        {
            await AssertRefusedByTheLifecycle(worker, number, action);
        }

        foreach (var step in before)
        {
            await Calls.ActAsync(worker, number, step);
        }

        var current = await Calls.ReadAsync(worker, number);

        var missing = await Calls.SendAsync(worker, HttpMethod.Post, path, Calls.BodyFor(action));
        Assert.Equal(HttpStatusCode.PreconditionRequired, missing.Status);
        Assert.Equal("If-Match", (string?)missing.Json["field"]);

        var stale = await Calls.SendAsync(worker, HttpMethod.Post, path, Calls.BodyFor(action), $"\"{current.Version - 1}\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.Status);
        Assert.Equal(current.ETag, stale.ETag);

        var malformed = await Calls.SendAsync(worker, HttpMethod.Post, path, Calls.BodyFor(action), "W/\"x\"");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.Status);

        Assert.Equal(current.Version, (await host.FileAsync(number)).Trail.Count);

        var done = await Calls.SendAsync(worker, HttpMethod.Post, path, Calls.BodyFor(action), current.ETag);
        Assert.True(done.Status == HttpStatusCode.OK, done.ToString());
        var file = await host.FileAsync(number);
        Assert.Equal(after, file.Status);
        Assert.Equal($"\"{file.Trail.Count}\"", done.ETag);
        Assert.True(done.Version > current.Version);
        Assert.Equal(file.Trail.Count, done.Version);

        if (action == "sign")
        {
            await Calls.ActAsync(worker, number, "sessions");
            await AssertRefusedByTheLifecycle(worker, number, action);
        }
    }

    private async Task AssertRefusedByTheLifecycle(HttpClient worker, string number, string action)
    {
        var current = await Calls.ReadAsync(worker, number);
        var answer = await Calls.SendAsync(worker, HttpMethod.Post, $"/api/v1/cases/{number}/{action}", Calls.BodyFor(action), current.ETag);
        Assert.True(answer.Status == HttpStatusCode.Conflict, $"{action} at {current.Json["status"]}: {answer}");
        var file = await host.FileAsync(number);
        Assert.Equal(current.Version, file.Trail.Count);

        var refusal = CaseLifecycle.Decide(file, CommandFor(action, $"{file.UnitId}/w1"), DateTimeOffset.UtcNow, host.City.Definition.Policy).Refusal;
        Assert.NotNull(refusal);
        Assert.Equal(refusal.Message, (string)answer.Json["detail"]!);
    }

    private static CaseCommand CommandFor(string action, string actor) => action switch
    {
        "sign" => new AcceptCase(actor),
        "sessions" => new HoldSession(actor, []),
        "resolve" => new ResolveCase(actor),
        "fail" => new FailCase(actor, "x"),
        "escalate" => new EscalateCase(actor, EscalationKind.Failure, "", Domain.Jurisdiction.Level.Village, "x"),
        "refer" => new ReferCase(actor, ReferralTarget.Arbitration),
        "close" => new CloseCase(actor),
        "follow-up" => new FollowUpCase(actor, 5),
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    [Fact]
    public async Task Only_the_assigned_mediator_may_sign_409_with_the_lifecycles_reason()
    {
        var grid = SampleUnits.TakeFreshGrid();
        var number = (await Calls.RegisterAsync(host.ClientFor(Role.GridWorker, grid, "w1"), grid)).CaseNumber;
        var other = host.ClientFor(Role.GridWorker, grid, "w2");
        var current = await Calls.ReadAsync(other, number);
        var answer = await Calls.SendAsync(other, HttpMethod.Post, $"/api/v1/cases/{number}/sign", null, current.ETag);
        Assert.Equal(HttpStatusCode.Conflict, answer.Status);
        var refusal = CaseLifecycle.Decide(await host.FileAsync(number), new AcceptCase($"{grid}/w2"), DateTimeOffset.UtcNow, host.City.Definition.Policy).Refusal!;
        Assert.Equal(refusal.Message, (string)answer.Json["detail"]!);
        Assert.Equal("lifecycle.Accept", (string?)answer.Json["rule"]);
    }

    [Fact]
    public async Task An_action_on_an_unknown_case_is_404_before_the_version_is_asked()
    {
        var answer = await Calls.SendAsync(host.ClientFor(Role.CentreStaff, "sample"), HttpMethod.Post, "/api/v1/cases/sample-20000101-9999/sign");
        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
    }
}
