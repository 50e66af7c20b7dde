namespace Orleans.Governance.Cluster;

/// <summary>The TLS settings cannot serve; the message names the setting and what is wrong.</summary>
public sealed class ClusterTlsException(string message) : Exception(message);
