using Orleans.Configuration;

namespace Orleans.Governance.Cluster;

/// <summary>
/// The ids a governance cluster runs under, named once for silos and clients. A client whose
/// cluster id differs from the gateway's is refused at connection; the service id keys grain state
/// and reminders, so keep it across deployments.
/// </summary>
public sealed record ClusterIdentity
{
    /// <summary>The silo's <c>Governance:ClusterId</c> and the load client's <c>--cluster-id</c> when none is given.</summary>
    public const string DefaultClusterId = "governance";

    /// <summary>The silo's <c>Governance:ServiceId</c> and the load client's <c>--service-id</c> when none is given.</summary>
    public const string DefaultServiceId = "governance";

    public string ClusterId { get; init; } = DefaultClusterId;

    public string ServiceId { get; init; } = DefaultServiceId;

    /// <summary>Sets Orleans' cluster options of a silo or client to these ids.</summary>
    public void ApplyTo(ClusterOptions options)
    {
        options.ClusterId = ClusterId;
        options.ServiceId = ServiceId;
    }
}
