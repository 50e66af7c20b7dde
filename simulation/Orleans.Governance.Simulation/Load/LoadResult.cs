using Orleans.Governance.Domain.Cases;

namespace Orleans.Governance.Simulation.Load;

/// <summary>What a load drive measured. Counts only; no party data.</summary>
public sealed record LoadResult(
    long Registered,
    long Completed,
    long Calls,
    long Retries,
    long Refused,
    double RegistrationSeconds,
    double TotalSeconds,
    bool StoppedByDuration,
    IReadOnlyList<LatencySummary> Latencies,
    IReadOnlyDictionary<CaseStatus, long> OpenByStatus)
{
    public double RegistrationsPerSecond => Registered / Math.Max(RegistrationSeconds, 1e-9);

    public double CallsPerSecond => Calls / Math.Max(TotalSeconds, 1e-9);

    public long Open => OpenByStatus.Values.Sum();
}
