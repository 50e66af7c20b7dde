using Orleans.Governance.Simulation.Detection;
using Orleans.Governance.Simulation.Scenarios;
using Orleans.Governance.Simulation.Statistics;

namespace Orleans.Governance.Simulation.Model;

/// <summary>All replications of a scenario and their summary.</summary>
public sealed record SimulationResult(Scenario Scenario, IReadOnlyList<RunResult> Runs, Figures<Estimate> Figures, double SiloStartSeconds)
{
    /// <summary>The scenario's surges in order, each found or missed by the early-warning detector in every replication.</summary>
    public IReadOnlyList<SurgeOutcome> Surges => [.. Scenario.Surges.Select((surge, i) => SurgeOutcome.Of(surge, i, Runs))];
}
