using Orleans.Governance.Simulation.Model;

namespace Orleans.Governance.Simulation.Tests.Support;

/// <summary>The early-warning city twice: with a ×3 labour surge in county ew-01 (2 replications), and its surge-free twin for 113 days.</summary>
public sealed class WarningRuns : IAsyncLifetime
{
    private SimulationResult? _surge;
    private SimulationResult? _quiet;

    /// <summary>Day 42 is a Monday, 42 days after the start: the rule has its full 28-day baseline.</summary>
    public SimulationResult Surge => _surge ?? throw new InvalidOperationException("The runs have not run.");

    /// <summary>113 days: the rule has a baseline from day 23, so 90 days are tested.</summary>
    public SimulationResult Quiet => _quiet ?? throw new InvalidOperationException("The runs have not run.");

    public async Task InitializeAsync()
    {
        _surge = await Simulator.RunAsync(TestScenarios.Parse(TestScenarios.WarningCity(55, 2, "{ fromDay: 42, toDay: 52, multiplier: 3, types: [labour], units: [ew-01] }")));
        _quiet = await Simulator.RunAsync(TestScenarios.Parse(TestScenarios.WarningCity(113, 1)));
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
