using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Governance.Api.Tests.Support;
using Orleans.Governance.Tests.Shared;

namespace Orleans.Governance.Api.Tests;

/// <summary>The OpenAPI document served is the one checked in (docs/openapi/v1.json), and it documents every route and its problems.</summary>
[Collection(ApiCollection.Name)]
public sealed class OpenApiTests(ApiHost host)
{
    public const string UpdateVariable = "UPDATE_OPENAPI";

    private static string CheckedIn => Path.Combine(RepositoryRoot.Path, "docs", "openapi", "v1.json");

    private async Task<JsonNode> ServedAsync()
    {
        var answer = await Calls.GetAsync(host.CreateClient(), "/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        return answer.Json;
    }

    private static string Normalised(JsonNode node) => Sorted(node)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).ReplaceLineEndings("\n") + "\n";

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Sorted)]),
        _ => node?.DeepClone(),
    };

    [Fact]
    public async Task The_served_document_is_the_checked_in_one()
    {
        var served = Normalised(await ServedAsync());
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(CheckedIn)!);
            await File.WriteAllTextAsync(CheckedIn, served);
        }

        var message = $"The API's OpenAPI document differs from docs/openapi/v1.json. If the change is intended, regenerate the file: "
            + $"{UpdateVariable}=1 dotnet test tests/Orleans.Governance.Api.Tests --filter FullyQualifiedName~OpenApiTests, then review and commit it.";
        Assert.True(File.Exists(CheckedIn), message);
        var checkedIn = Normalised(JsonNode.Parse(await File.ReadAllTextAsync(CheckedIn))!);
        Assert.True(checkedIn == served, message + "\nFirst difference at line " + FirstDifference(checkedIn, served));
    }

    private static string FirstDifference(string expected, string actual)
    {
        var (e, a) = (expected.Split('\n'), actual.Split('\n'));
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var (left, right) = (i < e.Length ? e[i] : "(end)", i < a.Length ? a[i] : "(end)");
            if (left != right)
            {
                return $"{i + 1}: checked in «{left.Trim()}», served «{right.Trim()}»";
            }
        }

        return "(none)";
    }

    [Fact]
    public async Task Every_mapped_route_is_documented_with_its_problem_responses()
    {
        var paths = (await ServedAsync())["paths"]!.AsObject();
        var routes = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith(Api.GovernanceApi.Version1, StringComparison.Ordinal) == true)
            .ToList();
        Assert.Equal(EndpointCatalog.All.Count, routes.Count);

        foreach (var route in routes)
        {
            var path = route.RoutePattern.RawText!.TrimEnd('/');
            var method = route.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Single().ToLowerInvariant();
            var operation = paths[path]?[method];
            Assert.True(operation is not null, $"{method} {path} is not in the OpenAPI document");
            var responses = operation!["responses"]!.AsObject();

            var problems = route.Metadata.GetOrderedMetadata<IProducesResponseTypeMetadata>().Where(p => p.StatusCode >= 400).Select(p => p.StatusCode).Distinct().ToList();
            Assert.Contains(StatusCodes.Status401Unauthorized, problems);
            foreach (var status in problems)
            {
                var response = responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)];
                Assert.True(response is not null, $"{method} {path} does not document {status}");
                Assert.True(response!["content"]?["application/problem+json"] is not null, $"{method} {path}: {status} is not documented as a problem");
            }

            var needsCase = path.Contains("{caseNumber}", StringComparison.Ordinal) || path.Contains("{unitId}", StringComparison.Ordinal);
            Assert.True(!needsCase || responses["404"] is not null, $"{method} {path} does not document 404");
        }

        foreach (var action in EndpointCatalog.All.Where(e => e.IfMatch is not null))
        {
            var responses = paths[action.Route]!["post"]!["responses"]!.AsObject();
            foreach (var status in new[] { "409", "412", "428" })
            {
                Assert.True(responses[status] is not null, $"{action} does not document {status}");
            }
        }

        Assert.NotNull(paths["/api/v1/units/{unitId}/cases"]!["post"]!["responses"]!["422"]);
        Assert.NotNull(paths["/api/v1/units/{unitId}/cases"]!["post"]!["responses"]!["413"]);
    }
}
