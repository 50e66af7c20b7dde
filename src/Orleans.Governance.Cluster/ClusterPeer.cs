namespace Orleans.Governance.Cluster;

/// <summary>Which end of Orleans' connections a certificate serves.</summary>
public enum ClusterPeer
{
    /// <summary>A silo: it accepts connections (from silos and clients) and opens them (to silos), so its certificate must allow both serverAuth and clientAuth.</summary>
    Silo,

    /// <summary>A client of the gateway: it only opens connections, so clientAuth is enough.</summary>
    Client,
}
