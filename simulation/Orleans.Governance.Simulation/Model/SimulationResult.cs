using Orleans.Governance.Simulation.Scenarios;
using Orleans.Governance.Simulation.Statistics;

namespace Orleans.Governance.Simulation.Model;

/// <summary>All replications of a scenario and their summary.</summary>
public sealed record SimulationResult(Scenario Scenario, IReadOnlyList<RunResult> Runs, IReadOnlyList<Figure> Figures, double SiloStartSeconds)
{
    public Figure this[string key] => Figures.FirstOrDefault(f => f.Key == key) ?? throw new KeyNotFoundException($"No figure '{key}'.");
}
