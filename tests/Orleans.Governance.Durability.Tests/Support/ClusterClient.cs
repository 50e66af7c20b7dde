using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Governance.Simulation.Load;
using Orleans.Serialization;

namespace Orleans.Governance.Durability.Tests.Support;

/// <summary>An Orleans client that finds the silos through the ADO.NET membership table, as the simulator's load mode and the API do.</summary>
public static class ClusterClient
{
    /// <summary>How the tests' calls ride out a fault: repeated for up to 120 s, then the failure is the test's.</summary>
    public static TransientRetry Retry { get; } = new(TimeSpan.FromSeconds(120));

    /// <summary>A started client; with <paramref name="gateways"/>, it uses these loopback gateway ports and no others.</summary>
    public static async Task<IHost> StartAsync(string connectionString, string clusterId, IReadOnlyList<int>? gateways = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client =>
        {
            client
                .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, clusterId))
                .Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(1))
                .Configure<ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.Add("Npgsql"))
                .Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));
            if (gateways is not null)
            {
                client.UseStaticClustering([.. gateways.Select(port => new IPEndPoint(IPAddress.Loopback, port))]);
            }
            else
            {
                client.UseAdoNetClustering(o =>
                {
                    o.Invariant = "Npgsql";
                    o.ConnectionString = connectionString;
                });
            }
        });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public static IClusterClient Client(this IHost host) => host.Services.GetRequiredService<IClusterClient>();
}
