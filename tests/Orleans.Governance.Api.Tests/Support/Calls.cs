using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orleans.Governance.Abstractions;
using Orleans.Governance.Domain.Cases;

namespace Orleans.Governance.Api.Tests.Support;

/// <summary>A party whose personal data the tests look for in every answer.</summary>
public sealed record Party(string Name, string Phone, string IdNumber)
{
    public object Body => new { name = Name, phone = Phone, idNumber = IdNumber };

    /// <summary>Unique per call, so that one test's party is never mistaken for another's.</summary>
    public static Party Fresh()
    {
        var n = Interlocked.Increment(ref s_next);
        return new Party($"欧阳测{n:D4}号", $"139{n:D8}", $"1101011990{n:D7}X");
    }

    private static int s_next = Random.Shared.Next(1000, 9000) * 1000;
}

/// <summary>What an answer of the API came back with, the body read once.</summary>
public sealed record Answer(HttpStatusCode Status, string Body, HttpResponseHeaders Headers, HttpContentHeaders? ContentHeaders)
{
    public JsonNode Json => JsonNode.Parse(Body) ?? throw new InvalidOperationException("empty body");

    public string? ETag => Headers.ETag?.ToString();

    public string CaseNumber => (string)Json["caseNumber"]!;

    public int Version => (int)Json["version"]!;

    public override string ToString() => $"{(int)Status} {Body}";

    public static async Task<Answer> Of(HttpResponseMessage response)
    {
        using (response)
        {
            return new Answer(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers, response.Content.Headers);
        }
    }
}

/// <summary>Requests as a client of the API sends them.</summary>
public static class Calls
{
    public static StringContent JsonBody(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    public static object Intake(params Party[] parties) => Intake("邻里漏水纠纷", parties);

    public static object Intake(string description, params Party[] parties) => new
    {
        channel = "walkIn",
        type = "neighbour",
        description,
        parties = parties.Select(p => p.Body).ToArray(),
    };

    public static async Task<Answer> SendAsync(HttpClient client, HttpMethod method, string path, object? body = null, string? ifMatch = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = body as HttpContent ?? JsonBody(body);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await Answer.Of(await client.SendAsync(request));
    }

    public static Task<Answer> GetAsync(HttpClient client, string path) => SendAsync(client, HttpMethod.Get, path);

    /// <summary>Registers a case and insists on 201.</summary>
    public static async Task<Answer> RegisterAsync(HttpClient client, string unitId, params Party[] parties)
    {
        var answer = await SendAsync(client, HttpMethod.Post, $"/api/v1/units/{unitId}/cases", Intake(parties.Length == 0 ? [Party.Fresh()] : parties));
        Assert.True(answer.Status == HttpStatusCode.Created, answer.ToString());
        return answer;
    }

    public static async Task<Answer> ReadAsync(HttpClient client, string caseNumber)
    {
        var answer = await GetAsync(client, $"/api/v1/cases/{caseNumber}");
        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        return answer;
    }

    /// <summary>Runs an action at the case's current version and insists on 200.</summary>
    public static async Task<Answer> ActAsync(HttpClient client, string caseNumber, string action, object? body = null)
    {
        var current = await ReadAsync(client, caseNumber);
        var answer = await SendAsync(client, HttpMethod.Post, $"/api/v1/cases/{caseNumber}/{action}", body ?? BodyFor(action), current.ETag);
        Assert.True(answer.Status == HttpStatusCode.OK, $"{action}: {answer}");
        return answer;
    }

    /// <summary>A valid body for each action.</summary>
    public static object BodyFor(string action) => action switch
    {
        "sessions" => new { jointDepartments = Array.Empty<string>(), note = "第一次调解" },
        "resolve" => new { judicialConfirmation = false },
        "fail" => new { reason = "双方分歧较大" },
        "escalate" => new { reason = "网格吹哨" },
        "refer" => new { target = "arbitration", reason = "申请仲裁" },
        "follow-up" => new { satisfaction = 5 },
        _ => new { },
    };

    public static Task<CaseFile> FileAsync(this ApiHost host, string caseNumber) => host.Grains.GetCase(caseNumber).GetAsync();

    /// <summary>The person part of an actor id (<c>unit/m1</c> → <c>m1</c>).</summary>
    public static string PersonOf(string actor) => actor[(actor.IndexOf('/', StringComparison.Ordinal) + 1)..];
}
