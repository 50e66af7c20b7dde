using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Orleans.Governance.Api.Jurisdiction;
using Orleans.Governance.Api.Tests.Support;
using Orleans.Governance.Domain.City;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class Open311Tests(ApiHost host)
{
    private const string Grid = "sample-01-01-001-1";

    /// <summary>GeoReport v2 service fields.</summary>
    private static readonly HashSet<string> s_serviceFields = ["service_code", "service_name", "description", "metadata", "type", "keywords", "group"];

    /// <summary>GeoReport v2 fields of a POST answer.</summary>
    private static readonly HashSet<string> s_receiptFields = ["service_request_id", "token", "service_notice", "account_id"];

    /// <summary>GeoReport v2 fields of a service request.</summary>
    private static readonly HashSet<string> s_requestFields =
    [
        "service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible",
        "service_notice", "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url",
    ];

    [Fact]
    public async Task Services_list_every_case_type_with_the_spec_fields()
    {
        var client = host.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/open311/v2/services.json"));
        var services = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(Enum.GetValues<Domain.Cases.CaseType>().Length, services.Count);
        foreach (var service in services)
        {
            Assert.Equal(s_serviceFields, service.EnumerateObject().Select(p => p.Name).ToHashSet());
            Assert.False(service.GetProperty("metadata").GetBoolean());
            Assert.Equal("realtime", service.GetProperty("type").GetString());
            Assert.Contains(service.GetProperty("service_name").GetString()!, c => c >= '\u4E00' && c <= '\u9FFF');
        }

        Assert.Contains(services, s => s.GetProperty("service_code").GetString() == "labour" && s.GetProperty("service_name").GetString() == "劳动争议");

        var xml = XDocument.Parse(await client.GetStringAsync("/open311/v2/services.xml"));
        Assert.Equal("services", xml.Root!.Name.LocalName);
        Assert.Equal(services.Count, xml.Root.Elements("service").Count());
        Assert.All(xml.Root.Elements("service"), s => Assert.Equal(s_serviceFields, s.Elements().Select(e => e.Name.LocalName).ToHashSet()));
    }

    [Fact]
    public async Task A_posted_request_becomes_a_case_and_reads_back_without_personal_data()
    {
        var client = host.CreateClient();
        var (name, phone, description) = ("欧阳", "13912345678", "楼上漏水，协商未果 Open311-" + Guid.NewGuid().ToString("N"));
        var response = await client.PostAsync("/open311/v2/requests.json", Form(new()
        {
            ["api_key"] = ApiHost.Open311Key, ["service_code"] = "neighbour", ["description"] = description, ["address_id"] = Grid,
            ["last_name"] = name, ["first_name"] = "娜娜", ["phone"] = phone, ["email"] = "nana@example.com",
        }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        AssertNoPersonalData(body, name, phone, description);
        using var receipt = JsonDocument.Parse(body);
        var item = Assert.Single(receipt.RootElement.EnumerateArray().ToList());
        Assert.Subset(s_receiptFields, item.EnumerateObject().Select(p => p.Name).ToHashSet());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("account_id").ValueKind);
        var number = item.GetProperty("service_request_id").GetString()!;
        Assert.StartsWith(Grid + "-", number);

        var publicStatus = await client.GetAsync($"/api/v1/public/cases/{number}");
        Assert.Equal(HttpStatusCode.OK, publicStatus.StatusCode);

        var file = await host.Grains.GetGrain<Abstractions.ICaseGrain>(number).GetAsync();
        Assert.Equal(Domain.Cases.IntakeChannel.OnlinePlatform, file.Intake!.Channel);
        Assert.Equal($"{Grid}/open311:{ApiHost.Open311System}", file.Trail[0].Actor);
        var party = Assert.Single(file.Intake.Parties);
        Assert.Equal(("欧阳娜娜", phone, ""), (party.Name, party.Phone, party.IdNumber));

        var byId = await client.GetStringAsync($"/open311/v2/requests/{number}.json?api_key={ApiHost.Open311Key}");
        AssertNoPersonalData(byId, name, phone, description);
        var request = Assert.Single(AssertRequests(byId));
        Assert.Equal(number, request.GetProperty("service_request_id").GetString());
        Assert.Equal("open", request.GetProperty("status").GetString());
        Assert.Equal("neighbour", request.GetProperty("service_code").GetString());
        Assert.Equal("邻里纠纷", request.GetProperty("service_name").GetString());
        Assert.Equal(Grid, request.GetProperty("address_id").GetString());
        Assert.False(request.TryGetProperty("description", out _));
        Assert.True(request.TryGetProperty("requested_datetime", out _));
        Assert.False(string.IsNullOrEmpty(request.GetProperty("agency_responsible").GetString()));

        var xml = XDocument.Parse(await client.GetStringAsync($"/open311/v2/requests/{number}.xml?api_key={ApiHost.Open311Key}"));
        Assert.Equal("service_requests", xml.Root!.Name.LocalName);
        var element = Assert.Single(xml.Root.Elements("request"));
        Assert.Subset(s_requestFields, element.Elements().Select(e => e.Name.LocalName).ToHashSet());
        Assert.Equal(number, element.Element("service_request_id")!.Value);
        AssertNoPersonalData(xml.ToString(), name, phone, description);
    }

    [Fact]
    public async Task Requests_are_listed_by_ids_date_range_service_code_and_status()
    {
        var client = host.CreateClient();
        var first = await PostAsync(client, "labour");
        var second = await PostAsync(client, "propertyManagement");

        var byIds = AssertRequests(await client.GetStringAsync($"/open311/v2/requests.json?api_key={ApiHost.Open311Key}&service_request_id={first},{second},nonexistent-1"));
        Assert.Equal(new[] { first, second }.Order(), byIds.Select(r => r.GetProperty("service_request_id").GetString()!).Order());

        var around = $"start_date={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("O"))}&end_date={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"))}";
        var inRange = Ids(await client.GetStringAsync($"/open311/v2/requests.json?api_key={ApiHost.Open311Key}&{around}"));
        Assert.Contains(first, inRange);
        Assert.Contains(second, inRange);

        var byDefault = Ids(await client.GetStringAsync($"/open311/v2/requests.json?api_key={ApiHost.Open311Key}"));
        Assert.Contains(first, byDefault);

        var labourOnly = Ids(await client.GetStringAsync($"/open311/v2/requests.json?api_key={ApiHost.Open311Key}&service_code=labour&{around}"));
        Assert.Contains(first, labourOnly);
        Assert.DoesNotContain(second, labourOnly);

        var open = Ids(await client.GetStringAsync($"/open311/v2/requests.json?api_key={ApiHost.Open311Key}&status=open&{around}"));
        Assert.Contains(first, open);
        var closed = Ids(await client.GetStringAsync($"/open311/v2/requests.json?api_key={ApiHost.Open311Key}&status=closed&{around}"));
        Assert.DoesNotContain(first, closed);

        var future = $"start_date={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToString("O"))}&end_date={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(2).ToString("O"))}";
        Assert.Empty(Ids(await client.GetStringAsync($"/open311/v2/requests.json?api_key={ApiHost.Open311Key}&{future}")));

        var xml = XDocument.Parse(await client.GetStringAsync($"/open311/v2/requests.xml?api_key={ApiHost.Open311Key}&{around}"));
        Assert.Equal("service_requests", xml.Root!.Name.LocalName);
        Assert.Contains(first, xml.Root.Elements("request").Select(r => r.Element("service_request_id")!.Value));
        Assert.All(xml.Root.Elements("request"), r => Assert.Subset(s_requestFields, r.Elements().Select(e => e.Name.LocalName).ToHashSet()));
    }

    [Fact]
    public async Task Xml_and_json_posts_are_accepted()
    {
        var client = host.CreateClient();
        var response = await client.PostAsync("/open311/v2/requests.xml", Form(new()
        {
            ["api_key"] = ApiHost.Open311Key, ["service_code"] = "legal", ["description"] = "借款纠纷", ["address_id"] = "sample-01-01",
        }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("service_requests", xml.Root!.Name.LocalName);
        var request = Assert.Single(xml.Root.Elements("request"));
        Assert.Subset(s_receiptFields, request.Elements().Select(e => e.Name.LocalName).ToHashSet());
        Assert.StartsWith("sample-01-01-", request.Element("service_request_id")!.Value);

        var json = await client.PostAsJsonAsync("/open311/v2/requests.json", new Dictionary<string, string>
        {
            ["api_key"] = ApiHost.Open311Key, ["service_code"] = "labour", ["description"] = "拖欠三个月工资", ["address_id"] = Grid, ["phone"] = "13800001111",
        });
        Assert.Equal(HttpStatusCode.Created, json.StatusCode);
        Assert.DoesNotContain("13800001111", await json.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(null, "neighbour", Grid, null, null, HttpStatusCode.Forbidden, "api_key")]
    [InlineData("not-a-key-0123456789", "neighbour", Grid, null, null, HttpStatusCode.Forbidden, "api_key")]
    [InlineData(ApiHost.Open311Key, "divorce", Grid, null, null, HttpStatusCode.BadRequest, "service_code")]
    [InlineData(ApiHost.Open311Key, "neighbour", "nowhere-1", null, null, HttpStatusCode.BadRequest, "address_id")]
    [InlineData(ApiHost.Open311Key, "neighbour", null, "36.45", "116.30", HttpStatusCode.BadRequest, "address_id")]
    [InlineData(ApiHost.Open311Key, "neighbour", null, null, null, HttpStatusCode.BadRequest, "address_id")]
    [InlineData(ApiHost.Open311Key, "neighbour", Grid, "91", "116.30", HttpStatusCode.BadRequest, "lat")]
    public async Task Refused_posts_name_the_field_and_create_nothing(string? apiKey, string serviceCode, string? addressId, string? lat, string? @long, HttpStatusCode status, string field)
    {
        var client = host.CreateClient();
        var before = Ids(await client.GetStringAsync($"/open311/v2/requests.json?api_key={ApiHost.Open311Key}"));
        var form = new Dictionary<string, string> { ["service_code"] = serviceCode, ["description"] = "噪音扰民", ["last_name"] = "钱", ["phone"] = "13700002222" };
        foreach (var (key, value) in new[] { ("api_key", apiKey), ("address_id", addressId), ("lat", lat), ("long", @long) })
        {
            if (value is not null)
            {
                form[key] = value;
            }
        }

        var response = await client.PostAsync("/open311/v2/requests.json", Form(form));
        await AssertProblemAsync(response, status, field);
        var after = Ids(await client.GetStringAsync($"/open311/v2/requests.json?api_key={ApiHost.Open311Key}"));
        Assert.Equal(before.Order(), after.Order());
    }

    [Fact]
    public async Task Reads_need_a_known_api_key_and_name_bad_parameters()
    {
        var client = host.CreateClient();
        await AssertProblemAsync(await client.GetAsync("/open311/v2/requests.json"), HttpStatusCode.Forbidden, "api_key");
        await AssertProblemAsync(await client.GetAsync("/open311/v2/requests.xml?api_key=wrong-key-0123456789"), HttpStatusCode.Forbidden, "api_key");
        await AssertProblemAsync(await client.GetAsync($"/open311/v2/requests/{Grid}-20260101-0001.json"), HttpStatusCode.Forbidden, "api_key");
        await AssertProblemAsync(await client.GetAsync($"/open311/v2/requests.json?api_key={ApiHost.Open311Key}&status=pending"), HttpStatusCode.BadRequest, "status");
        await AssertProblemAsync(await client.GetAsync($"/open311/v2/requests.json?api_key={ApiHost.Open311Key}&service_code=divorce"), HttpStatusCode.BadRequest, "service_code");
        await AssertProblemAsync(await client.GetAsync($"/open311/v2/requests.json?api_key={ApiHost.Open311Key}&start_date=yesterday"), HttpStatusCode.BadRequest, "start_date");
        var missing = await client.GetAsync($"/open311/v2/requests/{Grid}-19990101-0001.json?api_key={ApiHost.Open311Key}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public void The_nearest_located_grid_takes_a_report_by_coordinates()
    {
        var directory = new CityDirectory(LocatedCity());
        Assert.True(directory.HasLocations);
        Assert.Equal("c-1-1-1-1", directory.NearestGrid(36.46, 116.29)!.Id);
        Assert.Equal("c-1-1-1-2", directory.NearestGrid(36.60, 116.60)!.Id);
        Assert.Equal(36.45, directory.LocationOf("c-1-1-1-1")!.Lat);
        Assert.Null(directory.LocationOf("c-1"));

        var unlocated = new CityDirectory(CityFile.LoadFile(Path.Combine(global::Orleans.Governance.Tests.Shared.RepositoryRoot.Path, "cities", "sample.json")));
        Assert.False(unlocated.HasLocations);
        Assert.Null(unlocated.NearestGrid(36.45, 116.30));
    }

    [Fact]
    public void Haversine_distance_is_in_kilometres()
    {
        var beijing = new UnitLocation { Lat = 39.9042, Long = 116.4074 };
        Assert.InRange(beijing.DistanceKm(31.2304, 121.4737), 1060, 1075);
        Assert.Equal(0, beijing.DistanceKm(39.9042, 116.4074), 6);
    }

    [Fact]
    public void A_city_file_refuses_locations_out_of_range()
    {
        var city = LocatedCity().Definition;
        var bad = city with { Units = [.. city.Units.Select(u => u.Id == "c-1-1-1-2" ? u with { Location = new UnitLocation { Lat = 95, Long = 116 } } : u)] };
        var error = Assert.Throws<CityFileException>(() => CityPlan.From(bad, "bad.json"));
        Assert.Contains(error.Problems, p => p.Contains("'c-1-1-1-2'", StringComparison.Ordinal) && p.Contains("location", StringComparison.Ordinal));
    }

    private static CityPlan LocatedCity()
    {
        static UnitDefinition Unit(string id, Level level, string? parent, double? lat = null, double? @long = null) => new()
        {
            Id = id, Name = id, Level = level, Parent = parent, Mediators = [new MediatorTeam { Count = 1 }],
            Location = lat is { } la && @long is { } lo ? new UnitLocation { Lat = la, Long = lo } : null,
        };

        return CityPlan.From(new CityDefinition
        {
            Id = "c",
            Name = "located",
            Units =
            [
                Unit("c", Level.City, null, 36.5, 116.4), Unit("c-1", Level.County, "c"), Unit("c-1-1", Level.Township, "c-1", 36.45, 116.30),
                Unit("c-1-1-1", Level.Village, "c-1-1"), Unit("c-1-1-1-1", Level.Grid, "c-1-1-1", 36.45, 116.30), Unit("c-1-1-1-2", Level.Grid, "c-1-1-1", 36.55, 116.55),
            ],
        }, "located.json");
    }

    private static async Task<string> PostAsync(HttpClient client, string serviceCode)
    {
        var response = await client.PostAsync("/open311/v2/requests.json", Form(new()
        {
            ["api_key"] = ApiHost.Open311Key, ["service_code"] = serviceCode, ["description"] = "测试纠纷", ["address_id"] = Grid,
        }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement[0].GetProperty("service_request_id").GetString()!;
    }

    private static FormUrlEncodedContent Form(Dictionary<string, string> fields) => new(fields);

    private static List<JsonElement> AssertRequests(string body)
    {
        var requests = JsonDocument.Parse(body).RootElement.EnumerateArray().ToList();
        foreach (var request in requests)
        {
            var fields = request.EnumerateObject().Select(p => p.Name).ToHashSet();
            Assert.Subset(s_requestFields, fields);
            Assert.Contains("service_request_id", fields);
            Assert.Contains("status", fields);
            Assert.DoesNotContain("description", fields);
            Assert.Contains(request.GetProperty("status").GetString(), new[] { "open", "closed" });
        }

        return requests;
    }

    private static string[] Ids(string body) =>
        [.. AssertRequests(body).Select(r => r.GetProperty("service_request_id").GetString()!)];

    private static void AssertNoPersonalData(string body, string name, string phone, string description)
    {
        Assert.DoesNotContain(name, body, StringComparison.Ordinal);
        Assert.DoesNotContain(phone, body, StringComparison.Ordinal);
        Assert.DoesNotContain(phone[^4..], body, StringComparison.Ordinal);
        Assert.DoesNotContain(description, body, StringComparison.Ordinal);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(field, problem.RootElement.GetProperty("field").GetString());
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
    }
}
