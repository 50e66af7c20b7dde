using System.Net;
using Orleans.Governance.Api;
using Orleans.Governance.Cluster;
using Orleans.Governance.Silo.Storage;

namespace Orleans.Governance.Silo.Hosting;

/// <summary>The host's options (section "Governance"; appsettings, GOVERNANCE__X environment variables or --Governance:X=…).</summary>
public sealed class GovernanceHostOptions
{
    public const string Section = "Governance";

    /// <summary>Embedded (default) or PostgreSql.</summary>
    public ClusterMode Cluster { get; set; } = ClusterMode.Embedded;

    /// <summary>Npgsql connection string; required with PostgreSql.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Which provider keeps grain state with PostgreSql: GroupCommit (default) or AdoNet.</summary>
    public GrainStateStore StateStore { get; set; } = GrainStateStore.GroupCommit;

    /// <summary>How the GroupCommit store batches.</summary>
    public PostgreSqlGrainStorageOptions GroupCommit { get; set; } = new();

    /// <summary>Silos and clients of one cluster share it (a client with another is refused).</summary>
    public string ClusterId { get; set; } = ClusterIdentity.DefaultClusterId;

    /// <summary>Grain state and reminders belong to the service: keep it across deployments.</summary>
    public string ServiceId { get; set; } = ClusterIdentity.DefaultServiceId;

    /// <summary><see cref="ClusterId"/> and <see cref="ServiceId"/> as clients of this silo name them.</summary>
    public ClusterIdentity Identity => new() { ClusterId = ClusterId, ServiceId = ServiceId };

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos and clients reach this silo at.</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>
    /// For fault tests only: shifts this silo's clock (its TimeProvider, which the grains and
    /// Orleans read) by this much, to run silos whose clocks disagree. Zero by default; at most a day.
    /// </summary>
    public TimeSpan ClockOffset { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// Running in Kubernetes (PostgreSql only): the pod's IP and the cluster and service ids come
    /// from the pod (POD_IP, ORLEANS_CLUSTER_ID, ORLEANS_SERVICE_ID), and Orleans watches the silo
    /// pods, declaring a silo dead when its pod is deleted (it does not delete pods itself:
    /// deploy/kubernetes/rbac.yaml grants only get, list and watch).
    /// </summary>
    public bool Kubernetes { get; set; }

    /// <summary>
    /// How long a silo on PostgreSql waits at start-up for a database it cannot reach yet (trying
    /// again with a log line each time) before it exits with <see cref="ExitCodes.DatabaseUnreachable"/>.
    /// Default 2 minutes; zero tries once.
    /// </summary>
    public TimeSpan DatabaseStartupWait { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Start on <see cref="StateStore"/> although the other store's table holds grain state of this
    /// service (that state is then not read). Off: such a switch is refused at start-up.
    /// </summary>
    public bool AllowStateStoreSwitch { get; set; }

    /// <summary>
    /// Let the Embedded cluster (state in memory, lost at exit) serve HTTP beyond loopback. Off: a
    /// deployment that forgot <c>Cluster=PostgreSql</c> refuses to start instead of running on memory.
    /// </summary>
    public bool AllowEmbeddedOffLoopback { get; set; }

    /// <summary>Mutual TLS between silos and for clients of the gateway; off until a certificate is set.</summary>
    public ClusterTlsOptions Tls { get; set; } = new();

    /// <summary>The city file loaded at start-up (empty: load none); relative paths are resolved against the working directory, then the program's folder.</summary>
    public string? CityFile { get; set; } = "cities/sample.json";

    /// <summary>Serve the Orleans dashboard at /dashboard (it samples every activation of the silo each second).</summary>
    public bool Dashboard { get; set; } = true;

    /// <summary>The HTTP API's identity, limits and Open311 keys.</summary>
    public ApiOptions Api { get; set; } = new();

    /// <summary>Problems with the values, each naming the setting; empty when the silo can start.</summary>
    public IEnumerable<string> Validate()
    {

        if (!Enum.IsDefined(Cluster))
        {
            yield return $"{Section}:Cluster must be Embedded or PostgreSql, got {Cluster}";
        }

        if (Cluster == ClusterMode.PostgreSql && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return $"{Section}:ConnectionString is required when {Section}:Cluster is PostgreSql";
        }

        if (!Enum.IsDefined(StateStore))
        {
            yield return $"{Section}:StateStore must be GroupCommit or AdoNet, got {StateStore}";
        }

        if (GroupCommit.MaxBatchSize < 1 || GroupCommit.ConcurrentBatches < 1)
        {
            yield return $"{Section}:GroupCommit:MaxBatchSize and {Section}:GroupCommit:ConcurrentBatches must be at least 1, got {GroupCommit.MaxBatchSize} and {GroupCommit.ConcurrentBatches}";
        }

        if (Kubernetes && Cluster != ClusterMode.PostgreSql)
        {
            yield return $"{Section}:Kubernetes needs {Section}:Cluster PostgreSql (an embedded silo cannot form a cluster)";
        }

        foreach (var (name, port) in new[] { ("SiloPort", SiloPort), ("GatewayPort", GatewayPort) })
        {
            if (port is < 1 or > 65535)
            {
                yield return $"{Section}:{name} must be a TCP port (1-65535), got {port}";
            }
        }

        if (DatabaseStartupWait < TimeSpan.Zero || DatabaseStartupWait > TimeSpan.FromHours(1))
        {
            yield return $"{Section}:DatabaseStartupWait must be between 00:00:00 and 01:00:00, got {DatabaseStartupWait}";
        }

        foreach (var problem in Tls.Validate(ClusterTlsNames.Configuration))
        {
            yield return problem;
        }

        if (SiloPort == GatewayPort)
        {
            yield return $"{Section}:SiloPort and {Section}:GatewayPort must differ, both are {SiloPort}";
        }

        if (ClockOffset.Duration() > TimeSpan.FromDays(1))
        {
            yield return $"{Section}:ClockOffset must be at most one day either way, got {ClockOffset}";
        }

        if (!IPAddress.TryParse(AdvertisedAddress, out _))
        {
            yield return $"{Section}:AdvertisedAddress must be an IP address, got '{AdvertisedAddress}'";
        }

        if (string.IsNullOrWhiteSpace(ClusterId) || string.IsNullOrWhiteSpace(ServiceId))
        {
            yield return $"{Section}:ClusterId and {Section}:ServiceId must not be empty";
        }

        if (!string.IsNullOrWhiteSpace(CityFile) && !File.Exists(ResolveCityFile()))
        {
            yield return $"{Section}:CityFile '{CityFile}' does not exist";
        }
    }

    public string ResolveCityFile()
    {
        var file = CityFile ?? "";
        return Path.IsPathRooted(file) || File.Exists(file) ? Path.GetFullPath(file) : Path.Combine(AppContext.BaseDirectory, file);
    }
}
