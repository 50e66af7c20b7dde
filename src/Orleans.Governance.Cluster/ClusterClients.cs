using Orleans.Configuration;

namespace Orleans.Governance.Cluster;

/// <summary>What every client of a governance cluster sets, whichever way it finds the gateways.</summary>
public static class ClusterClients
{
    /// <summary>The cluster's ids, and TLS with the client's certificate of the cluster when <paramref name="tls"/> is given (the cluster runs <c>Governance:Tls</c>).</summary>
    public static IClientBuilder UseGovernanceCluster(this IClientBuilder client, ClusterIdentity identity, ClusterCredentials? tls)
    {
        client.Configure<ClusterOptions>(identity.ApplyTo);
        if (tls is not null)
        {
            client.UseClusterTls(tls);
        }

        return client;
    }
}
