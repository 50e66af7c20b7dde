using Orleans.Governance.Simulation.Scenarios;
using Orleans.Governance.Simulation.Statistics;

namespace Orleans.Governance.Simulation.Detection;

/// <summary>
/// One injected surge over the replications: <see cref="Detected"/> is 1 or 0 per replication (its
/// mean is the detection rate), <see cref="DelayDays"/> the delay of each detection (NaN when missed).
/// </summary>
public sealed record SurgeOutcome(Surge Surge, Estimate Detected, Estimate DelayDays)
{
    /// <summary>"detected in k of n replications", as the reports print it.</summary>
    public string DetectedText => $"{Detected.Values.Count(v => v > 0)}/{Detected.Values.Length}";

    /// <summary>The outcome of the scenario's surge number <paramref name="index"/> (from 0) in every replication.</summary>
    public static SurgeOutcome Of(Surge surge, int index, IReadOnlyList<RunResult> runs) => new(
        surge,
        Estimate.Of(runs.Select(r => r.Detection.Surges[index].Detected ? 1.0 : 0.0)),
        Estimate.Of(runs.Select(r => r.Detection.Surges[index].DelayDays)));
}
