using System.Net;
using Orleans.Configuration;
using Orleans.Governance.Abstractions;
using Orleans.Governance.Cluster;
using Orleans.Governance.Grains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Governance.Silo.Storage;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Orleans.Governance.Silo.Hosting;

/// <summary>Puts a silo on the embedded default or on PostgreSQL, as the options say.</summary>
public static class SiloHosting
{
    private const string Invariant = "Npgsql";

    public static ISiloBuilder UseGovernanceCluster(this ISiloBuilder silo, GovernanceHostOptions options)
    {
        if (options.ClockOffset != TimeSpan.Zero)
        {
            // The grains' clock only: Orleans' runtime given a shifted TimeProvider declared its
            // own silo dead at start (the watchdog and membership compare it with other clocks).
            silo.Services.AddKeyedSingleton<TimeProvider>(GovernanceSiloBuilderExtensions.ClockKey, new OffsetTimeProvider(options.ClockOffset));
        }

        // Orleans binds Orleans:Messaging and Orleans:Endpoints from the configuration itself, but
        // not membership: bind Orleans:Membership too, so that how fast a silo that stops answering
        // is voted out (ProbeTimeout, NumMissedProbesLimit, TableRefreshTimeout, ...) can be set
        // like any other setting (the fault tests shorten it; Orleans' defaults otherwise).
        silo.Services.AddOptions<ClusterMembershipOptions>().Bind(silo.Configuration.GetSection("Orleans:Membership"));
        silo.AddGovernance();
        var identity = options.Identity;
        if (options.Cluster == ClusterMode.Embedded)
        {
            return silo
                .UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: identity.ServiceId, clusterId: identity.ClusterId)
                .AddGovernanceMemoryStorage()
                .UseInMemoryReminderService();
        }

        var connectionString = PostgreSqlConnections.Tuned(options.ConnectionString!);
        if (options.Kubernetes)
        {
            silo.UseKubernetesHosting();
        }
        else
        {
            silo.Configure<ClusterOptions>(identity.ApplyTo);
            silo.ConfigureEndpoints(IPAddress.Parse(options.AdvertisedAddress), options.SiloPort, options.GatewayPort);
        }

        silo.UseAdoNetClustering(clustering =>
        {
            clustering.Invariant = Invariant;
            clustering.ConnectionString = connectionString;
        });

        // Several silos: one voted dead must not be heard late (its writes are fenced by the store).
        silo.Services.AddSingleton<DeadSenderFence>();
        silo.Services.AddSingleton<IOutgoingGrainCallFilter>(services => services.GetRequiredService<DeadSenderFence>());
        silo.Services.AddSingleton<IIncomingGrainCallFilter>(services => services.GetRequiredService<DeadSenderFence>());
        return silo.AddGovernancePostgreSqlStorage(connectionString, options.StateStore, options.GroupCommit, fencedByMembership: true);
    }

    /// <summary>
    /// Grain state (Orleans' binary serializer: the state types' [Id] attributes are the stored
    /// contract) and reminders on PostgreSQL, and the deadline watch backed by reminders.
    /// With <c>fencedByMembership</c> the group-commit store refuses this silo's writes once the
    /// membership table (Orleans' ADO.NET clustering on the same database) says it is dead.
    /// </summary>
    public static ISiloBuilder AddGovernancePostgreSqlStorage(
        this ISiloBuilder silo, string connectionString, GrainStateStore store = GrainStateStore.GroupCommit, PostgreSqlGrainStorageOptions? groupCommit = null,
        bool fencedByMembership = false)
    {
        connectionString = PostgreSqlConnections.Tuned(connectionString);

        // Orleans serializes only exceptions of the Microsoft, System and Azure namespaces: a
        // storage failure (a full disk's "53100: could not extend file ...: No space left on
        // device") reached callers as "Could not find a codec for type Npgsql.PostgresException",
        // hiding its cause (FaultTests' full disk). Clients add the same prefix.
        silo.Services.Configure<ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.Add("Npgsql"));
        if (store == GrainStateStore.GroupCommit)
        {
            silo.Services.AddGrainStorage(StorageNames.Governance, (services, _) => new PostgreSqlGrainStorage(
                connectionString,
                services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
                new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>()),
                services.GetRequiredService<IActivatorProvider>(),
                groupCommit ?? new PostgreSqlGrainStorageOptions(),
                services.GetRequiredService<ILogger<PostgreSqlGrainStorage>>(),
                fencedByMembership ? SiloFence.Of(services.GetRequiredService<ILocalSiloDetails>().SiloAddress, services.GetRequiredService<IOptions<ClusterOptions>>().Value.ClusterId) : null));
        }
        else
        {
            silo.AddAdoNetGrainStorage(StorageNames.Governance, storage => storage.Configure<Serializer>((o, serializer) =>
            {
                o.Invariant = Invariant;
                o.ConnectionString = connectionString;
                o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
            }));
        }

        silo.UseAdoNetReminderService(reminders =>
        {
            reminders.Invariant = Invariant;
            reminders.ConnectionString = connectionString;
        });
        silo.Configure<GovernanceOptions>(governance => governance.DurableDeadlineWatch = true);
        return silo;
    }
}
