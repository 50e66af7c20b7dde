using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Governance.Grains;
using Orleans.Governance.Simulation.Engine;
using Orleans.Runtime;

namespace Orleans.Governance.Simulation.Hosts;

/// <summary>
/// One embedded silo with the production grains and memory storage; only the grains' clock is the
/// engine's <see cref="VirtualTimeProvider"/>. Orleans' own background loops (membership,
/// messaging, activation collection) stay on real time, as in the test cluster.
/// </summary>
public sealed class SimulationSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private SimulationSilo(IHost host, VirtualTimeProvider clock, CallTracker tracker)
    {
        _host = host;
        Clock = clock;
        Tracker = tracker;
        Grains = host.Services.GetRequiredService<IGrainFactory>();
    }

    /// <summary>How long a grain call of the run may take in wall time before it fails: a stuck run, not a slow machine.</summary>
    public static TimeSpan ResponseTimeout { get; } = TimeSpan.FromMinutes(10);

    public VirtualTimeProvider Clock { get; }

    public CallTracker Tracker { get; }

    public IGrainFactory Grains { get; }

    internal IServiceProvider Services => _host.Services;

    public static async Task<SimulationSilo> StartAsync(DateTimeOffset start, CancellationToken cancellationToken = default)
    {
        var clock = new VirtualTimeProvider(start);
        var tracker = new CallTracker();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo =>
        {
            // Free ports: a developer's silo on 11111 or a parallel test run must not collide with us.
            silo.UseLocalhostClustering(FreePort(), FreePort(), serviceId: "governance-sim", clusterId: $"sim-{Environment.ProcessId}-{Guid.NewGuid():N}");
            silo.AddGovernanceMemoryStorage();
            silo.Services.AddSingleton<TimeProvider>(clock);
            silo.AddGovernance();
            // Every keyed area (messaging, membership, collection…) on real time, except the grains' own clock.
            silo.Services.AddKeyedSingleton(KeyedService.AnyKey, (_, _) => TimeProvider.System);
            silo.Services.AddKeyedSingleton(TimeProviderNames.Grains, static (sp, _) => sp.GetRequiredService<TimeProvider>());
            silo.AddIncomingGrainCallFilter(tracker);
            silo.AddOutgoingGrainCallFilter(tracker);
            // A run is minutes of wall time at most: never collect an idle unit or case mid-run.
            silo.Configure<GrainCollectionOptions>(o => o.CollectionAge = TimeSpan.FromDays(1));
            // A virtual-time run must not depend on how fast the machine answers: Orleans' default
            // 30 s response timeout once failed a check on the 10x network, a city-wide daily
            // roll-up of 16,000 units being slower than that on a loaded machine.
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = ResponseTimeout);
        });
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new SimulationSilo(host, clock, tracker);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
