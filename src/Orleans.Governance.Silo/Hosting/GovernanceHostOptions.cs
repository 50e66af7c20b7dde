using System.Net;
using Orleans.Governance.Api;
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

    /// <summary>Silos and clients of one cluster share it.</summary>
    public string ClusterId { get; set; } = "governance";

    /// <summary>Grain state and reminders belong to the service: keep it across deployments.</summary>
    public string ServiceId { get; set; } = "governance";

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
    /// from the pod (POD_IP, ORLEANS_CLUSTER_ID, ORLEANS_SERVICE_ID), and defunct silo pods are deleted.
    /// </summary>
    public bool Kubernetes { get; set; }

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
