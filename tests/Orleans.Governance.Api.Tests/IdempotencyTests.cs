using System.Net;
using Orleans.Governance.Api.Tests.Support;
using Orleans.Governance.Domain.Access;

namespace Orleans.Governance.Api.Tests;

/// <summary>Idempotency-Key: retries of one intake make one case; the key reused for another body is refused.</summary>
[Collection(ApiCollection.Name)]
public sealed class IdempotencyTests(ApiHost host)
{
    [Fact]
    public async Task Fifty_concurrent_posts_with_one_key_create_exactly_one_case()
    {
        var grid = SampleUnits.TakeFreshGrid();
        var client = host.ClientFor(Role.GridWorker, grid, "w1");
        var body = Calls.Intake(Party.Fresh());
        var key = Guid.NewGuid().ToString();

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ =>
            Calls.SendAsync(client, HttpMethod.Post, $"/api/v1/units/{grid}/cases", body, idempotencyKey: key)));

        Assert.All(answers, a => Assert.True(a.Status is HttpStatusCode.Created or HttpStatusCode.OK, a.ToString()));
        Assert.Single(answers, a => a.Status == HttpStatusCode.Created);
        Assert.Equal(49, answers.Count(a => a.Status == HttpStatusCode.OK));
        var number = Assert.Single(answers.Select(a => a.CaseNumber).Distinct());
        Assert.EndsWith("-0001", number, StringComparison.Ordinal);

        // Nothing else was registered at the grid: its only case, and the next number follows on.
        var assigned = await Calls.GetAsync(client, $"/api/v1/units/{grid}/worklists/assigned");
        var queue = await Calls.GetAsync(client, $"/api/v1/units/{grid}/worklists/queue");
        Assert.Equal([number], assigned.Json.AsArray().Concat(queue.Json.AsArray()).Select(t => (string)t!["caseNumber"]!));
        Assert.EndsWith("-0002", (await Calls.RegisterAsync(client, grid)).CaseNumber, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_422_and_creates_nothing()
    {
        var grid = SampleUnits.TakeFreshGrid();
        var client = host.ClientFor(Role.GridWorker, grid, "w1");
        var key = Guid.NewGuid().ToString();
        var first = await Calls.SendAsync(client, HttpMethod.Post, $"/api/v1/units/{grid}/cases", Calls.Intake(Party.Fresh()), idempotencyKey: key);
        Assert.Equal(HttpStatusCode.Created, first.Status);

        var reused = await Calls.SendAsync(client, HttpMethod.Post, $"/api/v1/units/{grid}/cases", Calls.Intake(Party.Fresh()), idempotencyKey: key);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.Status);
        Assert.Equal("Idempotency-Key", (string?)reused.Json["field"]);
        Assert.Equal("application/problem+json", reused.ContentHeaders?.ContentType?.MediaType);

        var again = await Calls.SendAsync(client, HttpMethod.Post, $"/api/v1/units/{grid}/cases", Calls.Intake(Party.Fresh()), idempotencyKey: key);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.Status);

        // The next case gets the next number: the refused requests took none.
        var next = (await Calls.RegisterAsync(client, grid)).CaseNumber;
        Assert.Equal(int.Parse(first.CaseNumber[^4..], System.Globalization.CultureInfo.InvariantCulture) + 1, int.Parse(next[^4..], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Keys_belong_to_their_user()
    {
        var grid = SampleUnits.ScratchGrid;
        var key = Guid.NewGuid().ToString();
        var body = Calls.Intake(Party.Fresh());
        var one = await Calls.SendAsync(host.ClientFor(Role.GridWorker, grid, "w1", user: "one"), HttpMethod.Post, $"/api/v1/units/{grid}/cases", body, idempotencyKey: key);
        var two = await Calls.SendAsync(host.ClientFor(Role.GridWorker, grid, "w1", user: "two"), HttpMethod.Post, $"/api/v1/units/{grid}/cases", body, idempotencyKey: key);
        Assert.Equal(HttpStatusCode.Created, one.Status);
        Assert.Equal(HttpStatusCode.Created, two.Status);
        Assert.NotEqual(one.CaseNumber, two.CaseNumber);
    }
}
