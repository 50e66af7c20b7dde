using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Governance.Abstractions;
using Orleans.Governance.Api.Cases;
using Orleans.Governance.Api.Errors;
using Orleans.Governance.Api.Jurisdiction;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.City;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Api.Open311;

/// <summary>
/// The Open311 GeoReport v2 façade for third-party intake (12345 platforms, apps): services are our
/// case types, a request is a case registered at a grid or unit. Every call needs an api_key from
/// <see cref="ApiOptions.Open311Keys"/>; reads are not limited to the system's own requests or to a
/// jurisdiction (like the public lookup, they show no personal data), only coordinates are.
/// </summary>
public static class Open311Api
{
    public const string Prefix = "/open311/v2";
    public const string RateLimitPolicy = "open311";

    /// <summary>Largest number of requests one list answers (the spec recommends 1,000).</summary>
    public const int MaxRequests = 1000;

    public const int DefaultDays = 90;

    /// <summary>Longest date range a list may ask for, so that a list reads a bounded number of month indexes.</summary>
    public const int MaxDays = 366;

    private const int ReadBatch = 64;

    public static WebApplication MapOpen311Api(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<ApiOptions>();
        var open311 = app.MapGroup(Prefix).WithTags("Open311").AllowAnonymous().RequireRateLimiting(RateLimitPolicy)
            .WithMetadata(new RequestSizeLimitAttribute(options.MaxRequestBodyBytes))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status429TooManyRequests);

        open311.MapGet("/services.json", () => ListServices(Open311Format.Json)).WithName("Open311ListServices")
            .WithSummary("Our case types as GeoReport v2 services (no api_key needed).");
        open311.MapGet("/services.xml", () => ListServices(Open311Format.Xml)).WithName("Open311ListServicesXml")
            .WithSummary("The services as GeoReport v2 XML.").Produces<string>(contentType: "application/xml");

        open311.MapPost("/requests.json", (HttpRequest request, ApiOptions o, CityDirectory d, IGrainFactory g, TimeProvider c) =>
                PostRequest(request, Open311Format.Json, o, d, g, c))
            .WithName("Open311PostRequest").WithSummary("Files a request: registers a case at the grid or unit of address_id (or the grid nearest lat/long).")
            .Accepts<Open311Submission>("application/x-www-form-urlencoded", "application/json").ProducesProblem(StatusCodes.Status403Forbidden);
        open311.MapPost("/requests.xml", (HttpRequest request, ApiOptions o, CityDirectory d, IGrainFactory g, TimeProvider c) =>
                PostRequest(request, Open311Format.Xml, o, d, g, c))
            .WithName("Open311PostRequestXml").WithSummary("Files a request; answers in GeoReport v2 XML.")
            .Accepts<Open311Submission>("application/x-www-form-urlencoded", "application/json").ProducesProblem(StatusCodes.Status403Forbidden);

        open311.MapGet("/requests.json", ([AsParameters] Open311Query query, ApiOptions o, CaseAccess a, CityDirectory d, IGrainFactory g, TimeProvider c) =>
                GetRequests(query, Open311Format.Json, o, a, d, g, c))
            .WithName("Open311GetRequests").WithSummary("Requests by service_request_id, or the ones this system filed by date, service_code and status.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        open311.MapGet("/requests.xml", ([AsParameters] Open311Query query, ApiOptions o, CaseAccess a, CityDirectory d, IGrainFactory g, TimeProvider c) =>
                GetRequests(query, Open311Format.Xml, o, a, d, g, c))
            .WithName("Open311GetRequestsXml").WithSummary("The requests as GeoReport v2 XML.").ProducesProblem(StatusCodes.Status403Forbidden);

        open311.MapGet("/requests/{id}.json", (string id, [FromQuery(Name = "api_key")] string? apiKey, ApiOptions o, CaseAccess a, CityDirectory d, IGrainFactory g) =>
                GetRequest(id, apiKey, Open311Format.Json, o, a, d, g))
            .WithName("Open311GetRequest").WithSummary("One request by our case number.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        open311.MapGet("/requests/{id}.xml", (string id, [FromQuery(Name = "api_key")] string? apiKey, ApiOptions o, CaseAccess a, CityDirectory d, IGrainFactory g) =>
                GetRequest(id, apiKey, Open311Format.Xml, o, a, d, g))
            .WithName("Open311GetRequestXml").WithSummary("One request as GeoReport v2 XML.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static Results<Ok<IReadOnlyList<Open311Service>>, ContentHttpResult> ListServices(Open311Format format) =>
        format == Open311Format.Xml ? Xml(Open311Xml.Services(Open311Services.All)) : TypedResults.Ok(Open311Services.All);

    public static async Task<Results<Created<IReadOnlyList<Open311Receipt>>, ContentHttpResult, ProblemHttpResult>> PostRequest(
        HttpRequest request, Open311Format format, ApiOptions options, CityDirectory directory, IGrainFactory grains, TimeProvider clock)
    {
        var (submission, malformed) = await Open311Submission.ReadAsync(request);
        if (malformed is not null)
        {
            return malformed;
        }

        if (SystemOf(submission!.ApiKey, options) is not { } system)
        {
            return BadKey(submission.ApiKey);
        }

        if (!Open311Services.TryParse(submission.ServiceCode, out var type))
        {
            return Problems.Field(StatusCodes.Status400BadRequest, "Unknown service_code", "service_code",
                $"service_code must be one of {string.Join(", ", Open311Services.All.Select(s => s.ServiceCode))} (see services.json).");
        }

        if (submission.Description is not { Length: > 0 and <= IntakeRequest.MaxDescription } description)
        {
            return Problems.Field(StatusCodes.Status400BadRequest, "Bad description", "description",
                $"description must be 1 to {IntakeRequest.MaxDescription} characters (it is what the mediators work from).");
        }

        var (unit, lat, @long, placeProblem) = Place(submission, directory);
        if (placeProblem is not null)
        {
            return placeProblem;
        }

        var (parties, partyProblem) = Parties(submission);
        if (partyProblem is not null)
        {
            return partyProblem;
        }

        // The filing is indexed under the issued number before the case is registered: a filed
        // case is always listed; a number whose registration failed is listed by nobody (skipped).
        var number = await grains.GetUnit(unit!.Ref).IssueCaseNumberAsync();
        var filing = new Open311Filing(number, clock.GetUtcNow(), type, unit.Id, lat, @long);
        await grains.ForDay(system, CaseNumber.DayIn(number) ?? CaseNumber.DayOf(filing.FiledAt)).RecordAsync(filing);
        var intake = new CaseIntake(unit.Ref, IntakeChannel.OnlinePlatform, type, description, parties);
        var receipt = await grains.GetCase(number).RegisterAsync(intake, Actors.Person(unit.Id, $"open311:{system}"));

        var file = await grains.GetCase(receipt.CaseId).GetAsync();
        var agency = file.UnitId is { } holder ? directory.Find(holder)?.Name : null;
        IReadOnlyList<Open311Receipt> receipts =
            [new Open311Receipt(number, "已受理登记。" + Open311ServiceRequest.Notice(file, agency, CaseDeadlines.From(file.Trail, directory.Policy).CloseBy), AccountId: null)];
        var location = $"{Prefix}/requests/{Uri.EscapeDataString(number)}.{(format == Open311Format.Xml ? "xml" : "json")}";
        if (format == Open311Format.Xml)
        {
            request.HttpContext.Response.Headers.Location = location;
            return TypedResults.Text(Open311Xml.Receipts(receipts), Open311Xml.ContentType, statusCode: StatusCodes.Status201Created);
        }

        return TypedResults.Created(location, receipts);
    }

    public static async Task<Results<Ok<IReadOnlyList<Open311ServiceRequest>>, ContentHttpResult, ProblemHttpResult>> GetRequests(
        Open311Query query, Open311Format format, ApiOptions options, CaseAccess access, CityDirectory directory, IGrainFactory grains, TimeProvider clock)
    {
        if (SystemOf(query.ApiKey, options) is not { } system)
        {
            return BadKey(query.ApiKey);
        }

        List<Open311ServiceRequest> requests = [];
        if (query.ServiceRequestId is { Length: > 0 } idList)
        {
            // The spec: ids override every other parameter.
            var ids = idList.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToArray();
            if (ids.Length > MaxRequests)
            {
                return Problems.Field(StatusCodes.Status400BadRequest, "Too many ids", "service_request_id", $"Ask for at most {MaxRequests} ids at once.");
            }

            foreach (var batch in ids.Chunk(ReadBatch))
            {
                var found = await Task.WhenAll(batch.Select(id => ReadAsync(id, system, access, directory, grains)));
                requests.AddRange(found.OfType<Open311ServiceRequest>());
            }

            return Answer(requests, format);
        }

        if (query.Problem(clock.GetUtcNow()) is { } problem)
        {
            return problem;
        }

        var (from, to) = query.Range(clock.GetUtcNow());
        var types = query.ServiceCodes();
        var statuses = query.Statuses();
        List<Open311Filing> filings = [];
        foreach (var month in Open311Index.MonthsBetween(from, to))
        {
            filings.AddRange(await grains.GetGrain<IOpen311IndexGrain>(Open311Index.Key(system, month)).ListAsync(from, to));
        }

        var wanted = filings.Where(f => types.Count == 0 || types.Contains(f.Type)).OrderByDescending(f => f.FiledAt).ToList();
        foreach (var batch in wanted.Chunk(ReadBatch))
        {
            var files = await Task.WhenAll(batch.Select(f => access.FindAnyAsync(f.CaseNumber)));
            for (var i = 0; i < batch.Length && requests.Count < MaxRequests; i++)
            {
                if (files[i] is { } file && (statuses.Count == 0 || statuses.Contains(file.IsActive ? Open311ServiceRequest.Open : Open311ServiceRequest.Closed)))
                {
                    requests.Add(Open311ServiceRequest.Of(file, batch[i], directory));
                }
            }

            if (requests.Count >= MaxRequests)
            {
                break;
            }
        }

        return Answer(requests, format);
    }

    public static async Task<Results<Ok<IReadOnlyList<Open311ServiceRequest>>, ContentHttpResult, ProblemHttpResult>> GetRequest(
        string id, string? apiKey, Open311Format format, ApiOptions options, CaseAccess access, CityDirectory directory, IGrainFactory grains)
    {
        if (SystemOf(apiKey, options) is not { } system)
        {
            return BadKey(apiKey);
        }

        return await ReadAsync(id, system, access, directory, grains) is { } found
            ? Answer([found], format)
            : Problems.NotFound($"Service request {id}");
    }

    /// <summary>The rate limiter's partition: a configured api_key (query or already-read form), else the client address.</summary>
    public static string PartitionKey(HttpContext http, ApiOptions options)
    {
        var key = http.Request.Query["api_key"].ToString();
        if (key.Length == 0 && http.Features.Get<IFormFeature>() is { Form: { } form })
        {
            key = form["api_key"].ToString();
        }

        return options.Open311Keys.ContainsKey(key) ? "key:" + key : "ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }

    /// <summary>
    /// Reads an Open311 POST's form before the rate limiter runs, so that it can be partitioned by
    /// the api_key the spec puts in the body (partition functions cannot read a body).
    /// </summary>
    public static async Task ReadFormFirstAsync(HttpContext http, RequestDelegate next)
    {
        if (HttpMethods.IsPost(http.Request.Method) && http.Request.Path.StartsWithSegments(Prefix) && http.Request.HasFormContentType)
        {
            try
            {
                await http.Request.ReadFormAsync(http.RequestAborted);
            }
            catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
            {
                // Partitioned by address then; the endpoint reads the form again and refuses it.
            }
        }

        await next(http);
    }

    private static async Task<Open311ServiceRequest?> ReadAsync(string id, string system, CaseAccess access, CityDirectory directory, IGrainFactory grains)
    {
        if (await access.FindAnyAsync(id) is not { } file)
        {
            return null;
        }

        // Coordinates are shown only to the system that sent them.
        var filing = grains.ForCase(system, file.CaseId) is { } index ? await index.FindAsync(file.CaseId) : null;
        return Open311ServiceRequest.Of(file, filing, directory);
    }

    private static (UnitProfile? Unit, double? Lat, double? Long, ProblemHttpResult? Problem) Place(Open311Submission submission, CityDirectory directory)
    {
        double? lat = null, @long = null;
        if (submission.Lat is not null || submission.Long is not null)
        {
            if (!double.TryParse(submission.Lat, NumberStyles.Float, CultureInfo.InvariantCulture, out var la) || !double.IsFinite(la) || la is < -90 or > 90)
            {
                return (null, null, null, Problems.Field(StatusCodes.Status400BadRequest, "Bad lat", "lat", "lat must be a WGS 84 latitude between -90 and 90, sent with long."));
            }

            if (!double.TryParse(submission.Long, NumberStyles.Float, CultureInfo.InvariantCulture, out var lo) || !UnitLocation.IsValid(la, lo))
            {
                return (null, null, null, Problems.Field(StatusCodes.Status400BadRequest, "Bad long", "long", "long must be a WGS 84 longitude between -180 and 180, sent with lat."));
            }

            (lat, @long) = (la, lo);
        }

        if (submission.AddressId is { } addressId)
        {
            return directory.Find(addressId) is { } unit
                ? (unit, lat, @long, null)
                : (null, null, null, Problems.Field(StatusCodes.Status400BadRequest, "Unknown address_id", "address_id", $"address_id '{addressId}' is not a grid or unit of this city."));
        }

        if (lat is null || @long is null)
        {
            return (null, null, null, Problems.Field(StatusCodes.Status400BadRequest, "Location required", "address_id",
                "Send address_id (the id of a grid or unit of this city) or lat and long; address_string alone is not supported."));
        }

        return directory.NearestGrid(lat.Value, @long.Value) is { } nearest
            ? (nearest, lat, @long, null)
            : (null, null, null, Problems.Field(StatusCodes.Status400BadRequest, "address_id required", "address_id",
                "This city's units have no locations, so lat/long cannot be routed: send address_id (the id of a grid or unit)."));
    }

    private static (IReadOnlyList<CaseParty> Parties, ProblemHttpResult? Problem) Parties(Open311Submission submission)
    {
        if (submission.Email is { Length: > 254 })
        {
            return ([], Problems.Field(StatusCodes.Status400BadRequest, "Bad email", "email", "email must be at most 254 characters."));
        }

        var name = Name(submission.FirstName, submission.LastName);
        if (name.Length > 50)
        {
            return ([], Problems.Field(StatusCodes.Status400BadRequest, "Bad name", submission.FirstName is null ? "last_name" : "first_name",
                "last_name and first_name together must be at most 50 characters."));
        }

        var phone = submission.Phone ?? "";
        if (phone.Length > 0 && new PartyRequest("-", phone).Problems().Any(p => p.Field == "phone"))
        {
            return ([], Problems.Field(StatusCodes.Status400BadRequest, "Bad phone", "phone", "phone must be 5 to 20 digits ('+' and '-' allowed)."));
        }

        // One party from the reporter's details; an anonymous report has none.
        return name.Length == 0 && phone.Length == 0 ? ([], null) : ([new CaseParty(name, phone, "")], null);
    }

    /// <summary>Surname first, as Chinese names are written; Latin names keep "first last".</summary>
    private static string Name(string? first, string? last)
    {
        if (first is null || last is null)
        {
            return first ?? last ?? "";
        }

        return first.Any(c => c > '\u2E7F') || last.Any(c => c > '\u2E7F') ? last + first : $"{first} {last}";
    }

    private static string? SystemOf(string? apiKey, ApiOptions options) =>
        apiKey is { Length: > 0 } && options.Open311Keys.TryGetValue(apiKey, out var system) ? system : null;

    private static ProblemHttpResult BadKey(string? apiKey) =>
        Problems.Field(StatusCodes.Status403Forbidden, "Bad api_key", "api_key",
            apiKey is null ? "An api_key is required; ask the city for one." : "The api_key is not one this city issued.");

    private static Results<Ok<IReadOnlyList<Open311ServiceRequest>>, ContentHttpResult, ProblemHttpResult> Answer(IReadOnlyList<Open311ServiceRequest> requests, Open311Format format) =>
        format == Open311Format.Xml ? Xml(Open311Xml.Requests(requests)) : TypedResults.Ok(requests);

    private static ContentHttpResult Xml(string xml) => TypedResults.Text(xml, Open311Xml.ContentType);
}
