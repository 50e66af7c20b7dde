using System.CommandLine;
using Orleans.Governance.Simulation.Intake;
using Spectre.Console;

namespace Orleans.Governance.Simulation.Cli;

/// <summary><c>replay LOG.csv SCENARIO [the options of run but --export-intake]</c>: a city's intake log instead of the scenario's arrivals (docs/replay.md).</summary>
public static class ReplayCommand
{
    public static Command Create()
    {
        var log = new Argument<FileInfo>("LOG") { Description = "the intake log (CSV, one row per case; see docs/replay.md)" };
        var scenario = new Argument<FileInfo>("SCENARIO") { Description = "the scenario whose roster, policy and handling apply (its arrivals do not)" };
        var command = new Command("replay", "Replays a city's intake log through a scenario's roster and policy, in virtual time.") { log, scenario };
        var options = new RunOptions(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (options.Load(parse, parse.GetValue(scenario)!) is not { } loaded)
            {
                return 2;
            }

            var file = parse.GetValue(log)!;
            IReadOnlyList<LoggedIntake> cases;
            try
            {
                cases = IntakeLogReader.Read(file.FullName, loaded);
            }
            catch (IntakeLogException e)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }
            catch (IOException e)
            {
                Console.Error.WriteLine($"{file.FullName}: {e.Message} — expected a readable intake log");
                return 2;
            }

            AnsiConsole.Console.WriteLine($"Arrivals: {cases.Count:N0} cases of {file.FullName}");
            await options.RunAsync(parse, loaded with { IntakeLog = cases }, recordsIntake: false, cancellationToken);
            return 0;
        });
        return command;
    }
}
