using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Simulation.Hosts;
using Orleans.Governance.Simulation.Scenarios;
using Orleans.Governance.Simulation.Statistics;

namespace Orleans.Governance.Simulation.Model;

/// <summary>
/// Runs a scenario's replications: on the kernel host each on its own clock and thread, in
/// parallel; on the grain host one after another on one embedded silo. Either way replication r
/// starts at the same virtual instant and draws from its own streams, so the results are the
/// same whatever the host and the parallelism.
/// </summary>
public static class Simulator
{
    public static async Task<SimulationResult> RunAsync(Scenario scenario, HostKind host = HostKind.Kernel, IProgressSink? progress = null, ILogger? logger = null, CancellationToken cancellationToken = default, bool recordsIntake = false, bool keepsUnitFigures = false)
    {
        logger ??= NullLogger.Instance;
        var runs = new RunResult[scenario.Replications];
        if (host == HostKind.Kernel)
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(Enumerable.Range(1, scenario.Replications), options, async (r, token) =>
            {
                await using var kernel = await IGovernanceHost.StartAsync(HostKind.Kernel, ClockAtStart(scenario, r), cancellationToken: token);
                runs[r - 1] = await new ReplicationRun(scenario, r, kernel, progress, logger) { RecordsIntake = recordsIntake, KeepsUnitFigures = keepsUnitFigures }.RunAsync(token);
            });
            return new SimulationResult(scenario, runs, RunResult.Summarise(runs), 0);
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var grains = await IGovernanceHost.StartAsync(HostKind.Grains, ClockAtStart(scenario, 1), cancellationToken: cancellationToken);
        var siloStart = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
        for (var r = 1; r <= scenario.Replications; r++)
        {
            runs[r - 1] = await new ReplicationRun(scenario, r, grains, progress, logger) { RecordsIntake = recordsIntake, KeepsUnitFigures = keepsUnitFigures }.RunAsync(cancellationToken);
        }

        return new SimulationResult(scenario, runs, RunResult.Summarise(runs), siloStart);
    }

    /// <summary>
    /// Where the clock stands when replication <paramref name="replication"/> begins: the start
    /// date's midnight for the first; after each, its horizon's end (the run itself then waits
    /// for the centres' next midnight), as on one silo's clock running them in turn.
    /// </summary>
    public static DateTimeOffset ClockAtStart(Scenario scenario, int replication)
    {
        var clock = new DateTimeOffset(scenario.StartDate.ToDateTime(TimeOnly.MinValue), CentreDays.Offset);
        for (var r = 1; r < replication; r++)
        {
            clock = CentreDays.NextMidnight(clock) + ReplicationRun.Horizon(scenario);
        }

        return clock;
    }
}
