using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Governance.Abstractions;
using Orleans.Governance.Cluster;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.City;
using Orleans.Governance.Grains;
using Orleans.Governance.Simulation.Load;
using Orleans.Governance.Simulation.Tests.Support;
using Orleans.Governance.Tests.Shared;

namespace Orleans.Governance.Simulation.Tests;

/// <summary>The load driver against a real silo in this process, reached through its gateway as an external client.</summary>
public sealed class LoadDriverTests
{
    /// <summary>A cluster id of the tests' own, so that a stray client of another test cannot join.</summary>
    private static readonly ClusterIdentity s_cluster = new() { ClusterId = "load-test" };

    [Fact]
    public async Task Load_refuses_more_open_disputes_than_it_can_track_before_connecting()
    {
        var run = await LoadCommandRun.InvokeAsync("--open", "5000000");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--open: 5000000 — expected an integer from 1 to 2,000,000", run.Error);
    }

    [Fact]
    public async Task Load_registers_every_dispute_once_and_completes_the_requested_share()
    {
        var gatewayPort = FreePort.Next();
        using var host = await StartSiloAsync(gatewayPort);
        var city = SampleCity;
        var settings = new LoadSettings
        {
            Gateway = new IPEndPoint(IPAddress.Loopback, gatewayPort),
            Cluster = s_cluster,
            Open = 360,
            Complete = 0.25,
            Concurrency = 32,
            Duration = TimeSpan.FromMinutes(2),
            RunId = "t",
        };

        LoadResult result;
        await using (var client = await LoadClient.ConnectAsync(settings, TimeSpan.FromSeconds(30)))
        {
            result = await new LoadDriver(client.Grains, city, settings).RunAsync();
        }

        Assert.False(result.StoppedByDuration, "the drive hit its 2-minute bound before registering and completing");
        Assert.Equal(360, result.Registered);
        Assert.Equal(36 * 3, result.Completed);
        Assert.Equal(0, result.Refused);
        Assert.Equal(360 - 36 * 3, result.Open);
        Assert.Equal(36, result.OpenByStatus[CaseStatus.Assigned]);
        Assert.Contains(result.Latencies, l => l.Kind == "register" && l.Calls == 360 && l.P50 <= l.P95 && l.P95 <= l.P99);
        Assert.True(result.RegistrationsPerSecond > 0 && result.CallsPerSecond > 0);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_repeated_run_id_re_sends_the_same_registrations_and_opens_nothing_new()
    {
        var gatewayPort = FreePort.Next();
        using var host = await StartSiloAsync(gatewayPort);
        var city = SampleCity;
        var settings = new LoadSettings { Gateway = new IPEndPoint(IPAddress.Loopback, gatewayPort), Cluster = s_cluster, Open = 72, Concurrency = 16, RunId = "same" };

        await using var client = await LoadClient.ConnectAsync(settings, TimeSpan.FromSeconds(30));
        var first = await new LoadDriver(client.Grains, city, settings).RunAsync();
        var second = await new LoadDriver(client.Grains, city, settings).RunAsync();

        Assert.Equal(72, first.Open);
        Assert.Equal(72, second.Open);
        Assert.Equal(0, second.Refused);
        await host.StopAsync();
    }

    [Fact]
    public async Task Load_retries_through_a_silo_restart_and_registers_everything()
    {
        var gatewayPort = FreePort.Next();
        var first = await StartSiloAsync(gatewayPort);
        var settings = new LoadSettings { Gateway = new IPEndPoint(IPAddress.Loopback, gatewayPort), Cluster = s_cluster, Open = 400, Concurrency = 8, Duration = TimeSpan.FromMinutes(3), RunId = "restart" };
        var halfway = new RegistrationBarrier(200);
        await using var client = await LoadClient.ConnectAsync(settings, TimeSpan.FromSeconds(30));

        var drive = new LoadDriver(client.Grains, SampleCity, settings, halfway).RunAsync();
        await halfway.Reached.WaitAsync(TimeSpan.FromMinutes(1));
        await first.StopAsync();
        first.Dispose();
        halfway.Release(); // the drive goes on while no silo is up
        using var second = await StartSiloAsync(gatewayPort);
        var result = await drive.WaitAsync(TimeSpan.FromMinutes(3));

        Assert.False(result.StoppedByDuration, "the drive did not recover from the restart within its 3-minute bound");
        Assert.Equal(400, result.Registered);
        Assert.True(result.Retries > 0, "no call was retried although the silo was restarted mid-drive");
        Assert.InRange(result.Open, 1, 400);
        await second.StopAsync();
    }

    private static CityPlan SampleCity => CityFile.LoadFile(Path.Combine(AppContext.BaseDirectory, "cities", "sample.json"));

    /// <summary>A silo as the host runs it embedded (production grains, memory storage) with the sample city loaded.</summary>
    private static async Task<IHost> StartSiloAsync(int gatewayPort)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(FreePort.Next(), gatewayPort, serviceId: s_cluster.ServiceId, clusterId: s_cluster.ClusterId)
            .AddGovernanceMemoryStorage()
            .AddGovernance());
        var host = builder.Build();
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<ICityGrain>(SampleCity.Id).LoadAsync(SampleCity.Definition);
        return host;
    }

}
