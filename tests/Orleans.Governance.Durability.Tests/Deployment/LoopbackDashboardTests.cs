using System.Net;
using Microsoft.AspNetCore.Http;
using Orleans.Governance.Silo.Hosting;

namespace Orleans.Governance.Durability.Tests.Deployment;

/// <summary>The dashboard shares Kestrel with the public API but answers only connections made to a loopback address.</summary>
public sealed class LoopbackDashboardTests
{
    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("10.244.1.17", false)]
    [InlineData("::ffff:10.244.1.17", false)]
    [InlineData("fd00::17", false)]
    public void Only_connections_to_a_loopback_address_reach_the_dashboard(string local, bool allowed)
    {
        var context = new DefaultHttpContext { Connection = { LocalIpAddress = IPAddress.Parse(local), RemoteIpAddress = IPAddress.Loopback } };

        Assert.Equal(allowed, LoopbackDashboard.Allows(context.Connection));
    }

    [Fact]
    public void A_connection_without_a_local_address_does_not_reach_the_dashboard()
    {
        Assert.False(LoopbackDashboard.Allows(new DefaultHttpContext().Connection));
    }

    [Fact]
    public async Task The_silo_serves_the_dashboard_on_loopback()
    {
        var (siloPort, httpPort) = (FreePort.Next(), FreePort.Next());
        await using var silo = await SiloProcess.StartAsync("dashboard", siloPort,
            [$"--Governance:SiloPort={siloPort}", $"--Governance:GatewayPort={FreePort.Next()}", $"--Urls=http://127.0.0.1:{httpPort}", "--Governance:CityFile="]);
        using var http = new HttpClient();

        using var response = await http.GetAsync($"http://127.0.0.1:{httpPort}/dashboard/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
