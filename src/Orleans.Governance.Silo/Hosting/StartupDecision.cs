using Orleans.Governance.Cluster;

namespace Orleans.Governance.Silo.Hosting;

/// <summary>What the start-up checks decided: the options (and TLS credentials) to run with, or the exit code to stop with.</summary>
/// <param name="Options">Null when the silo must not start.</param>
/// <param name="Tls">The cluster's TLS credentials, when TLS is on.</param>
/// <param name="ExitCode">0 to run; otherwise one of <see cref="ExitCodes"/>.</param>
public sealed record StartupDecision(GovernanceHostOptions? Options, ClusterCredentials? Tls, int ExitCode);
