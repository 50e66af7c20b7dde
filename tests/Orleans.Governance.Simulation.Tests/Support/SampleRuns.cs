using Orleans.Governance.Simulation.Model;
using Orleans.Governance.Simulation.Output;

namespace Orleans.Governance.Simulation.Tests.Support;

/// <summary>The sample city run three times: twice with one seed, once with another.</summary>
public sealed class SampleRuns : IAsyncLifetime
{
    private SimulationResult? _first;

    public SimulationResult First => _first ?? throw new InvalidOperationException("The sample runs have not run.");

    public string FirstJson { get; private set; } = "";

    public string SecondJson { get; private set; } = "";

    public string OtherSeedJson { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _first = await Simulator.RunAsync(TestScenarios.Parse(TestScenarios.SampleCity(20, 5)));
        FirstJson = JsonReport.Render(_first);
        SecondJson = JsonReport.Render(await Simulator.RunAsync(TestScenarios.Parse(TestScenarios.SampleCity(20, 5))));
        OtherSeedJson = JsonReport.Render(await Simulator.RunAsync(TestScenarios.Parse(TestScenarios.SampleCity(20, 6))));
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
