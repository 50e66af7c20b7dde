using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Serialization;

namespace Orleans.Governance.Simulation.Load;

/// <summary>An Orleans client of a running cluster: the embedded silo's gateway, or the members of an ADO.NET (PostgreSQL) membership table.</summary>
public sealed class LoadClient : IAsyncDisposable
{
    private readonly IHost _host;

    private LoadClient(IHost host)
    {
        _host = host;
        Grains = host.Services.GetRequiredService<IClusterClient>();
    }

    public IGrainFactory Grains { get; }

    /// <summary>Connects, retrying for up to <paramref name="connectFor"/> (a silo still starting, a gateway restarting).</summary>
    public static async Task<LoadClient> ConnectAsync(LoadSettings settings, TimeSpan connectFor, CancellationToken cancellationToken = default)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        var giveUpAt = TimeProvider.System.GetUtcNow() + connectFor;
        builder.UseOrleansClient(client =>
        {
            if (settings.Postgres is { } connectionString)
            {
                // The silos' storage failures carry PostgreSQL's own message (see SiloHosting).
                client.Configure<ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.Add("Npgsql"));
                client.UseAdoNetClustering(clustering =>
                {
                    clustering.Invariant = "Npgsql";
                    clustering.ConnectionString = connectionString;
                });
            }
            else
            {
                client.UseLocalhostClustering(settings.Gateway.Port);
            }

            client.Configure<ClusterOptions>(cluster =>
            {
                cluster.ClusterId = settings.EffectiveClusterId;
                cluster.ServiceId = settings.ServiceId;
            });
            client.UseConnectionRetryFilter(async (_, token) =>
            {
                if (TimeProvider.System.GetUtcNow() >= giveUpAt)
                {
                    return false;
                }

                await Task.Delay(TimeSpan.FromSeconds(1), token);
                return true;
            });
        });
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new LoadClient(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
