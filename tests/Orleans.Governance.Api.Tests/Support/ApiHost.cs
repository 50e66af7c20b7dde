using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Governance.Api;
using Orleans.Governance.Api.Identity;
using Orleans.Governance.Domain.Access;
using Orleans.Governance.Domain.City;
using Orleans.Governance.Tests.Shared;

namespace Orleans.Governance.Api.Tests.Support;

/// <summary>
/// The real silo host (Program) with its embedded silo, the sample city and the API, in this
/// process; ports of its own, so that it runs beside the other test projects' silos.
/// </summary>
public sealed class ApiHost : WebApplicationFactory<Program>
{
    public const string Open311Key = "open311-test-key-0123456789";
    public const string Open311System = "测试热线";

    public ApiOptions Options { get; } = new()
    {
        DevelopmentSigningKey = "api-tests-signing-key-0123456789abcdef",
        Open311Keys = new() { [Open311Key] = Open311System },
    };

    /// <summary>
    /// On Kestrel, not the in-memory test server: the per-endpoint body limit (64 KB) is applied
    /// through the server's IHttpMaxRequestBodySizeFeature, which the test server does not have.
    /// </summary>
    public ApiHost() => UseKestrel(0);

    public CityPlan City { get; } = CityFile.LoadFile(Path.Combine(RepositoryRoot.Path, "cities", "sample.json"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Governance:SiloPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Governance:GatewayPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Governance:CityFile", Path.Combine(RepositoryRoot.Path, "cities", "sample.json"));
        builder.UseSetting("Governance:Api:DevelopmentSigningKey", Options.DevelopmentSigningKey);
        builder.UseSetting("Governance:Api:Open311Keys:" + Open311Key, Open311System);
        builder.UseSetting("Governance:Api:PublicRequestsPerMinute", "100000");
    }

    public string TokenFor(Role role, string unitId, string? person = null, string? user = null, TimeSpan? lifetime = null) =>
        DevelopmentTokens.Mint(Options, user ?? $"{GovernanceUser.RoleName(role)}@{unitId}", role, unitId, person, lifetime ?? TimeSpan.FromHours(1), DateTimeOffset.UtcNow);

    public HttpClient ClientFor(Role role, string unitId, string? person = null, string? user = null)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(role, unitId, person, user));
        return client;
    }

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    /// <summary>The address Kestrel listens on, for a browser (starts the host).</summary>
    public string Address
    {
        get
        {
            CreateClient().Dispose();
            return Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        }
    }
}
