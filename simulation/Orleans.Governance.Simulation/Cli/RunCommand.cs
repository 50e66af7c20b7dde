using System.CommandLine;
using Orleans.Governance.Simulation.Intake;
using Spectre.Console;

namespace Orleans.Governance.Simulation.Cli;

/// <summary><c>run SCENARIO [--engine kernel|grains] [--seed N] [--replications R] [--no-surges] [--json FILE] [--csv DIR] [--report FILE.html] [--lang zh|en] [--export-intake FILE.csv]</c>.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var scenario = new Argument<FileInfo>("SCENARIO") { Description = "the scenario file (YAML or JSON; see docs/simulator.md)" };
        var exportIntake = new Option<FileInfo?>("--export-intake") { Description = "writes the run's arrivals as an intake log (docs/replay.md), for replay; one replication only" };
        var command = new Command("run", "Runs a scenario in virtual time, on the kernel host or the production grains.") { scenario, exportIntake };
        var options = new RunOptions(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (options.Load(parse, parse.GetValue(scenario)!) is not { } loaded)
            {
                return 2;
            }

            var export = parse.GetValue(exportIntake);
            if (export is not null && loaded.Replications != 1)
            {
                // Each replication has arrivals of its own, and a log holds one city's history.
                Console.Error.WriteLine($"--export-intake: {loaded.Replications} replications — expected one (add --replications 1)");
                return 2;
            }

            var result = await options.RunAsync(parse, loaded, recordsIntake: export is not null, cancellationToken);
            if (export is not null)
            {
                IntakeLogWriter.Write(export.FullName, loaded.StartDate, result.Runs[0].Intake);
                AnsiConsole.Console.WriteLine($"Intake log: {export.FullName} ({result.Runs[0].Intake.Count:N0} cases)");
            }

            return 0;
        });
        return command;
    }
}
