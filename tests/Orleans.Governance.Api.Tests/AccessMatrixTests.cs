using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Governance.Api.Identity;
using Orleans.Governance.Api.Tests.Support;
using Orleans.Governance.Domain.Access;

namespace Orleans.Governance.Api.Tests;

/// <summary>
/// The access matrix, generated from the role table: every role × every bearer endpoint × a case
/// (or unit) inside and outside the caller's jurisdiction, for callers in either county. The exact
/// status, and no party data nor out-of-scope case number in any answer unless the masking rule allows.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AccessMatrixTests(ApiHost host)
{
    public static readonly string[] Counties = [SampleUnits.CountyA, SampleUnits.CountyB];

    public static TheoryData<Role, string, string, bool> Matrix()
    {
        var rows = new TheoryData<Role, string, string, bool>();
        foreach (var role in RoleTable.Grants.Keys.Where(r => r != Role.Public).Order())
        {
            foreach (var county in Counties)
            {
                foreach (var endpoint in EndpointCatalog.Bearer)
                {
                    rows.Add(role, county, endpoint.Name, true);
                    rows.Add(role, county, endpoint.Name, false);
                }
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task A_role_gets_exactly_what_the_role_table_and_its_jurisdiction_allow(Role role, string county, string endpointName, bool inside)
    {
        var world = await MatrixWorld.For(host);
        var endpoint = EndpointCatalog.Named(endpointName);
        var home = world.Home(county);
        var away = world.Away(county);
        var user = home.UserAt(role);
        var target = inside ? home : away;
        var client = host.ClientFor(role, user, PersonFor(role), user: $"{role}@{user}");

        var path = EndpointCatalog.Concrete(endpoint, target.CaseNumber, target.Grid);
        var answer = await Send(client, endpoint, path);

        var expected = !RoleTable.Allows(role, endpoint.Permission!.Value) ? HttpStatusCode.Forbidden
            : endpoint.Target == Target.Caller ? HttpStatusCode.OK
            : inside ? endpoint.Success
            : HttpStatusCode.NotFound;
        Assert.True(expected == answer.Status, $"{role} at {user}, {endpoint} {(inside ? "inside" : "outside")}: expected {(int)expected}, got {answer}");

        // The one reader the masking rule lets see the parties: a role handling personal data at the unit now holding the case.
        var mayUnmask = inside && endpoint.Name == "GetCase" && RoleTable.Grants[role].Contains(Permission.HandlePersonalData) && user == home.Grid;
        var leaks = new List<string>();
        foreach (var secret in new[] { home.Party.Name, home.Party.Phone, home.Party.IdNumber })
        {
            if (answer.Body.Contains(secret, StringComparison.Ordinal) && !mayUnmask)
            {
                leaks.Add($"{home.Party} of {home.CaseNumber}");
            }
        }

        foreach (var secret in new[] { away.Party.Name, away.Party.Phone, away.Party.IdNumber })
        {
            if (answer.Body.Contains(secret, StringComparison.Ordinal))
            {
                leaks.Add($"{away.Party} of the out-of-scope {away.CaseNumber}");
            }
        }

        // Out of scope, the answer is exactly the one for a case number nobody ever registered.
        if (!inside && answer.Status == HttpStatusCode.NotFound && endpoint.Target == Target.Case)
        {
            var nowhere = $"{away.Grid}-20000101-0001";
            var unknown = await Send(client, endpoint, EndpointCatalog.Concrete(endpoint, nowhere, away.Grid));
            Assert.Equal(unknown.Status, answer.Status);
            Assert.Equal(WithoutTraceId(unknown.Body.Replace(nowhere, away.CaseNumber, StringComparison.Ordinal)), WithoutTraceId(answer.Body));
        }
        else if (answer.Body.Contains(away.CaseNumber, StringComparison.Ordinal))
        {
            leaks.Add($"the out-of-scope case number {away.CaseNumber}");
        }

        Assert.True(leaks.Count == 0, $"{leaks.Count} leaks to {role} at {user} from {endpoint}: {string.Join("; ", leaks)}\n{answer}");
        if (mayUnmask && answer.Status == HttpStatusCode.OK)
        {
            Assert.Contains(home.Party.Phone, answer.Body, StringComparison.Ordinal); // the detector sees what it looks for
        }
    }

    private static string WithoutTraceId(string problem)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(problem)!.AsObject();
        json.Remove("traceId");
        return json.ToJsonString();
    }

    private static string? PersonFor(Role role) => role switch
    {
        Role.GridWorker => "w1",
        Role.Mediator => "m1",
        _ => null,
    };

    private static Task<Answer> Send(HttpClient client, EndpointDescriptor endpoint, string path) =>
        Calls.SendAsync(client, new HttpMethod(endpoint.Method), path, endpoint.Body(), endpoint.IfMatch);

    [Fact]
    public void The_catalog_is_exactly_the_mapped_api_and_names_each_endpoints_permission()
    {
        var mapped = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith(GovernanceApi.Version1, StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(method => (Endpoint: e, Method: method)))
            .ToList();

        var described = EndpointCatalog.All.Select(d => $"{d.Method} {d.Route}").Order(StringComparer.Ordinal);
        Assert.Equal(described, mapped.Select(m => $"{m.Method} {m.Endpoint.RoutePattern.RawText!.TrimEnd('/')}").Order(StringComparer.Ordinal));

        foreach (var (endpoint, method) in mapped)
        {
            var descriptor = EndpointCatalog.All.Single(d => d.Method == method && d.Route == endpoint.RoutePattern.RawText!.TrimEnd('/'));
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().ToList();
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            if (descriptor.Permission is { } permission)
            {
                Assert.False(anonymous, $"{descriptor} must not allow anonymous callers");
                Assert.Equal([PermissionPolicies.NameOf(permission)], policies);
            }
            else
            {
                Assert.True(anonymous, $"{descriptor} is described as public");
                Assert.Equal("GetPublicCaseStatus", descriptor.Name);
            }
        }
    }

    [Fact]
    public void The_matrix_covers_every_role_but_public_and_every_bearer_endpoint_both_ways()
    {
        var rows = Matrix().Select(r => ((Role)r[0], (string)r[1], (string)r[2], (bool)r[3])).ToHashSet();
        Assert.Equal(6 * Counties.Length * EndpointCatalog.Bearer.Count() * 2, rows.Count);
        Assert.DoesNotContain(rows, r => r.Item1 == Role.Public);
        Assert.DoesNotContain(RoleTable.Grants[Role.Public], p => EndpointCatalog.Bearer.Any(e => e.Permission == p));
    }
}

/// <summary>One case per county, each registered at a fresh grid and held by its grid worker, and a user of every role placed above it.</summary>
public sealed class MatrixWorld
{
    private static readonly SemaphoreSlim s_gate = new(1, 1);
    private static MatrixWorld? s_world;

    private MatrixWorld(Side a, Side b) => (A, B) = (a, b);

    public Side A { get; }

    public Side B { get; }

    public Side Home(string county) => county == SampleUnits.CountyA ? A : B;

    public Side Away(string county) => county == SampleUnits.CountyA ? B : A;

    public static async Task<MatrixWorld> For(ApiHost host)
    {
        await s_gate.WaitAsync();
        try
        {
            return s_world ??= new MatrixWorld(await Side.Make(host, SampleUnits.CountyA), await Side.Make(host, SampleUnits.CountyB));
        }
        finally
        {
            s_gate.Release();
        }
    }

    /// <summary>A county's case, its party, and the units its users sit at (the grid, its village, township and county).</summary>
    public sealed record Side(string Grid, IReadOnlyList<string> Chain, string CaseNumber, Party Party)
    {
        public string UserAt(Role role) => role switch
        {
            Role.GridWorker => Chain[0],
            Role.Mediator => Chain[1],
            Role.CentreStaff => Chain[2],
            _ => Chain[3],
        };

        public static async Task<Side> Make(ApiHost host, string county)
        {
            var grid = county == SampleUnits.CountyA ? SampleUnits.MatrixGridA : SampleUnits.MatrixGridB;
            var party = Party.Fresh();
            var number = (await Calls.RegisterAsync(host.ClientFor(Role.GridWorker, grid, "w1"), grid, party)).CaseNumber;
            return new Side(grid, host.SelfAndAncestors(grid), number, party);
        }
    }
}
