using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Governance.Cluster;
using Orleans.Runtime;
using Orleans.Serialization;

namespace Orleans.Governance.Simulation.Load;

/// <summary>An Orleans client of a running cluster: a silo's gateway, or the members of an ADO.NET (PostgreSQL) membership table.</summary>
public sealed class LoadClient : IAsyncDisposable
{
    private readonly IHost _host;

    private LoadClient(IHost host)
    {
        _host = host;
        Grains = host.Services.GetRequiredService<IClusterClient>();
    }

    public IGrainFactory Grains { get; }

    /// <summary>
    /// Connects, retrying for up to <paramref name="connectFor"/> (a silo still starting, a gateway
    /// restarting), but not after a refusal that no retry can change (another cluster id).
    /// <paramref name="retrying"/> hears why the first attempt failed, once, so that a wait is
    /// explained while it lasts. Throws <see cref="ClusterUnreachableException"/> saying why.
    /// </summary>
    public static async Task<LoadClient> ConnectAsync(LoadSettings settings, TimeSpan connectFor, Action<string>? retrying = null, CancellationToken cancellationToken = default)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        var giveUpAt = TimeProvider.System.GetUtcNow() + connectFor;
        Exception? lastCause = null;
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
                client.UseStaticClustering(settings.Gateway);
            }

            client.UseGovernanceCluster(settings.Cluster, settings.Tls);
            client.UseConnectionRetryFilter(async (exception, token) =>
            {
                // Orleans' last exception may only say "will retry after …": keep the last real cause.
                if (ConnectionProblem.Cause(exception) is { } cause)
                {
                    if (lastCause is null && !ConnectionProblem.IsFinal(exception))
                    {
                        retrying?.Invoke(ConnectionProblem.Describe(cause, settings));
                    }

                    lastCause = cause;
                }

                if (ConnectionProblem.IsFinal(exception) || TimeProvider.System.GetUtcNow() >= giveUpAt)
                {
                    return false;
                }

                await Task.Delay(TimeSpan.FromSeconds(1), token);
                return true;
            });
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch (Exception e) when (e is OrleansException or TimeoutException or DbException)
        {
            host.Dispose();
            var cause = ConnectionProblem.Cause(e) ?? lastCause ?? e;
            throw new ClusterUnreachableException(ConnectionProblem.Describe(cause, settings), e);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new LoadClient(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
