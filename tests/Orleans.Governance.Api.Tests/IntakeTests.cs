using System.Net;
using System.Text;
using Orleans.Governance.Api.Tests.Support;
using Orleans.Governance.Domain.Access;

namespace Orleans.Governance.Api.Tests;

/// <summary>POST /units/{unitId}/cases: the case is created with its number, or the request is refused naming what is wrong.</summary>
[Collection(ApiCollection.Name)]
public sealed class IntakeTests(ApiHost host)
{
    private const string ScratchGrid = SampleUnits.ScratchGrid;

    private HttpClient Clerk => host.ClientFor(Role.GridWorker, ScratchGrid, "w1");

    [Fact]
    public async Task A_registered_case_comes_back_201_with_its_location_version_and_masked_parties()
    {
        var party = Party.Fresh();
        var answer = await Calls.RegisterAsync(Clerk, ScratchGrid, party);

        var number = answer.CaseNumber;
        Assert.Matches($"^{ScratchGrid}-\\d{{8}}-\\d{{4}}$", number);
        Assert.Equal($"/api/v1/cases/{number}", answer.Headers.Location?.OriginalString);
        Assert.Equal($"\"{answer.Version}\"", answer.ETag);
        Assert.Equal((await host.FileAsync(number)).Trail.Count, answer.Version);
        Assert.Equal(ScratchGrid, (string)answer.Json["unitId"]!);
        Assert.True((bool)answer.Json["personalDataMasked"]!);
        Assert.DoesNotContain(party.Name, answer.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(party.Phone, answer.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(party.IdNumber, answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Case_numbers_of_one_unit_are_consecutive()
    {
        var first = (await Calls.RegisterAsync(Clerk, ScratchGrid)).CaseNumber;
        var second = (await Calls.RegisterAsync(Clerk, ScratchGrid)).CaseNumber;
        Assert.Equal(first[..^4], second[..^4]);
        Assert.Equal(int.Parse(first[^4..], System.Globalization.CultureInfo.InvariantCulture) + 1, int.Parse(second[^4..], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Invalid_fields_are_named_by_their_json_path()
    {
        var body = new
        {
            channel = "walkIn",
            type = "neighbour",
            description = " ",
            parties = new object[]
            {
                new { name = "张三", phone = "13812345678" },
                new { name = "", phone = "12ab", idNumber = "123" },
            },
            amountYuan = -1,
        };
        var answer = await Calls.SendAsync(Clerk, HttpMethod.Post, $"/api/v1/units/{ScratchGrid}/cases", body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentHeaders?.ContentType?.MediaType);
        var errors = answer.Json["errors"]!.AsObject().Select(e => e.Key).Order().ToArray();
        Assert.Equal(["amountYuan", "description", "parties[1].idNumber", "parties[1].name", "parties[1].phone"], errors);
    }

    [Fact]
    public async Task No_parties_is_a_problem_naming_parties()
    {
        var answer = await Calls.SendAsync(Clerk, HttpMethod.Post, $"/api/v1/units/{ScratchGrid}/cases", new { channel = "walkIn", type = "neighbour", description = "x", parties = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.NotNull(answer.Json["errors"]!["parties"]);
    }

    [Fact]
    public async Task A_bad_phone_is_named_parties_0_phone()
    {
        var answer = await Calls.SendAsync(Clerk, HttpMethod.Post, $"/api/v1/units/{ScratchGrid}/cases",
            new { channel = "walkIn", type = "neighbour", description = "x", parties = new[] { new { name = "张三", phone = "call me" } } });
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(["parties[0].phone"], answer.Json["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task Unknown_fields_are_refused()
    {
        var answer = await Calls.SendAsync(Clerk, HttpMethod.Post, $"/api/v1/units/{ScratchGrid}/cases",
            new { channel = "walkIn", type = "neighbour", description = "x", parties = new[] { new { name = "张三", phone = "13812345678" } }, priority = "high" });
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentHeaders?.ContentType?.MediaType);
        Assert.Contains("priority", answer.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"channel\":\"walkIn\",\"type\":7,\"description\":\"x\",\"parties\":[{\"name\":\"张三\",\"phone\":\"13812345678\"}]}", "$.type")]
    [InlineData("{\"channel\":\"walkIn\",\"type\":\"noSuchType\",\"description\":\"x\",\"parties\":[{\"name\":\"张三\",\"phone\":\"13812345678\"}]}", "$.type")]
    [InlineData("{\"channel\":\"walkIn\",\"type\":\"neighbour\",\"description\":\"x\",\"parties\":[{\"name\":\"张三\",\"phone\":13812345678}]}", "$.parties[0].phone")]
    [InlineData("{\"channel\":\"walkIn\",\"type\":\"neighbour\",\"description\":\"x\",\"parties\":[],\"amountYuan\":\"many\"}", "$.amountYuan")]
    public async Task Wrong_types_are_400_naming_the_json_path(string json, string path)
    {
        var answer = await Calls.SendAsync(Clerk, HttpMethod.Post, $"/api/v1/units/{ScratchGrid}/cases", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentHeaders?.ContentType?.MediaType);
        Assert.Equal(path, (string?)answer.Json["field"]);
    }

    [Fact]
    public async Task A_missing_required_field_is_400()
    {
        var answer = await Calls.SendAsync(Clerk, HttpMethod.Post, $"/api/v1/units/{ScratchGrid}/cases",
            new StringContent("{\"channel\":\"walkIn\",\"description\":\"x\",\"parties\":[{\"name\":\"张三\",\"phone\":\"13812345678\"}]}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("type", answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_64_KB_is_413_problem_and_creates_nothing()
    {
        var description = new string('长', 40 * 1024); // 120 KB of UTF-8
        var before = (await Calls.RegisterAsync(Clerk, ScratchGrid)).CaseNumber;
        var answer = await Calls.SendAsync(Clerk, HttpMethod.Post, $"/api/v1/units/{ScratchGrid}/cases", Calls.Intake(description, Party.Fresh()));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentHeaders?.ContentType?.MediaType);
        Assert.Equal(413, (int)answer.Json["status"]!);
        var after = (await Calls.RegisterAsync(Clerk, ScratchGrid)).CaseNumber;
        Assert.Equal(int.Parse(before[^4..], System.Globalization.CultureInfo.InvariantCulture) + 1, int.Parse(after[^4..], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task An_unknown_unit_is_404()
    {
        var answer = await Calls.SendAsync(host.ClientFor(Role.CentreStaff, "sample"), HttpMethod.Post, "/api/v1/units/sample-09-09/cases", Calls.Intake(Party.Fresh()));
        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentHeaders?.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_unit_outside_the_jurisdiction_is_404_like_an_unknown_one()
    {
        var answer = await Calls.SendAsync(host.ClientFor(Role.CentreStaff, SampleUnits.CountyA), HttpMethod.Post, $"/api/v1/units/{ScratchGrid}/cases", Calls.Intake(Party.Fresh()));
        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
    }

    [Fact]
    public async Task A_bad_idempotency_key_is_400_naming_the_header()
    {
        var answer = await Calls.SendAsync(Clerk, HttpMethod.Post, $"/api/v1/units/{ScratchGrid}/cases", Calls.Intake(Party.Fresh()), idempotencyKey: new string('k', 201));
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("Idempotency-Key", (string?)answer.Json["field"]);
    }
}
