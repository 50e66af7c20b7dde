using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Simulation.Hosting;
using Orleans.Governance.Simulation.Scenarios;
using Orleans.Governance.Simulation.Statistics;

namespace Orleans.Governance.Simulation.Model;

/// <summary>Runs a scenario's replications one after another on one embedded silo.</summary>
public static class Simulator
{
    public static async Task<SimulationResult> RunAsync(Scenario scenario, IProgressSink? progress = null, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var silo = await SimulationSilo.StartAsync(new DateTimeOffset(scenario.StartDate.ToDateTime(TimeOnly.MinValue), CentreDays.Offset), cancellationToken);
        var siloStart = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
        var runs = new List<RunResult>();
        for (var r = 1; r <= scenario.Replications; r++)
        {
            runs.Add(await new ReplicationRun(scenario, r, silo, progress, logger ?? NullLogger.Instance).RunAsync(cancellationToken));
        }

        return new SimulationResult(scenario, runs, Figure.Summarise(runs), siloStart);
    }
}
