using System.CommandLine;
using System.Diagnostics;
using System.Security.Cryptography;
using Orleans.Governance.Simulation.Checks;
using Orleans.Governance.Simulation.Output;
using Orleans.Governance.Simulation.Scenarios;
using Spectre.Console;

namespace Orleans.Governance.Simulation.Cli;

/// <summary><c>check SCENARIO [--engine kernel|grains] [--max-tests N] [--seed S] [--max-days D]</c>: the whole-run properties over random variations of a scenario.</summary>
public static class CheckCommand
{
    private const int MaxTests = 100_000;

    /// <summary>The shell's code for a command stopped by SIGINT or SIGTERM.</summary>
    private const int Cancelled = 130;

    public static Command Create() => Create(null, static observation => observation);

    /// <summary>Test-only seam: <paramref name="tamper"/> plants a bug in what the properties see; <paramref name="console"/> captures the output.</summary>
    internal static Command Create(IAnsiConsole? console, Func<RunObservation, RunObservation> tamper)
    {
        var scenario = new Argument<FileInfo>("SCENARIO") { Description = "the scenario file to vary (YAML or JSON; see docs/simulator.md)" };
        var maxTests = new Option<int>("--max-tests") { Description = "variations tried per property", DefaultValueFactory = _ => 20 };
        var seed = new Option<ulong?>("--seed") { Description = "FsCheck seed: replays a check (and its failure) exactly; random when absent" };
        var maxDays = new Option<int>("--max-days") { Description = "longest horizon of a variation, in days (never longer than the scenario's)", DefaultValueFactory = _ => 14 };
        var engine = ScenarioOptions.Engine();
        var command = new Command("check", "Checks the whole-run properties (docs/properties.md) on random variations of a scenario: seeds, staffing ± 1, surges, short horizons.")
        {
            scenario, engine, maxTests, seed, maxDays,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = console ?? AnsiConsole.Console;
            if (!ConsoleProgress.IsInteractive(output))
            {
                // Plain lines for logs: no wrapping at the 80 columns Spectre assumes without a terminal.
                output.Profile.Width = 400;
            }
            var file = parse.GetValue(scenario)!;
            Scenario loaded;
            try
            {
                loaded = ScenarioReader.LoadFile(file.FullName);
            }
            catch (ScenarioException e)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }

            var (tests, days) = (parse.GetValue(maxTests), parse.GetValue(maxDays));
            if (tests is < 1 or > MaxTests || days is < 1 or > (int)Scenario.MaxHorizonDays)
            {
                Console.Error.WriteLine(tests is < 1 or > MaxTests
                    ? $"--max-tests: {tests} — expected an integer from 1 to {MaxTests}"
                    : $"--max-days: {days} — expected an integer from 1 to {Scenario.MaxHorizonDays}");
                return 2;
            }

            var replay = parse.GetValue(seed) ?? BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));
            var replayLine = $"Replay: check {file.Name} --seed {replay} --max-tests {tests} --max-days {days}";
            var properties = RunProperties.All;
            output.WriteLine($"Checking {properties.Count} whole-run properties on up to {tests} random variations of '{loaded.Name}' ({file.Name}), horizons ≤ {Math.Min(days, loaded.HorizonDays):0} days, seed {replay}.");
            var wall = Stopwatch.StartNew();
            var checker = new RunChecker(loaded, parse.GetValue(engine), tamper);
            var progress = new ConsoleCheckProgress(output);
            var check = new ScenarioCheck(checker, VariationGenerator.Around(loaded, days), progress);
            IReadOnlyList<PropertyOutcome> outcomes;
            try
            {
                outcomes = await progress.RunAsync(() => Task.Run(() => check.Run(properties, tests, replay, cancellationToken), cancellationToken));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                output.WriteLine($"Cancelled after {wall.Elapsed.TotalSeconds:0.0} s: no verdict (a cancelled run is no counterexample). {replayLine}");
                return Cancelled;
            }

            foreach (var outcome in outcomes)
            {
                output.WriteLine(outcome.Passed
                    ? $"  passed  {outcome.Property.Name,-20} {outcome.Tests,4} runs  {outcome.Property.Guarantee}"
                    : $"  FAILED  {outcome.Property.Name,-20} after {outcome.Tests} run(s), {outcome.Shrinks} shrink(s)  {outcome.Property.Guarantee}");
            }

            output.WriteLine($"{checker.Runs} distinct variations simulated ({checker.Simulations} simulations with replays), {checker.CasesSeen:N0} cases seen, {wall.Elapsed.TotalSeconds:0.0} s.");
            var failures = outcomes.Where(o => !o.Passed).ToList();
            foreach (var failure in failures)
            {
                output.WriteLine();
                output.WriteLine($"Property '{failure.Property.Name}' is falsified.");
                output.WriteLine($"  original variation: {failure.Original}");
                output.WriteLine($"  shrunk variation:   {failure.Shrunk}");
                output.WriteLine("  violation in the shrunk run:");
                foreach (var line in failure.Violation!.Split('\n'))
                {
                    output.WriteLine($"    {line}");
                }
            }

            if (failures.Count > 0)
            {
                output.WriteLine();
                output.WriteLine(replayLine);
                return 1;
            }

            return 0;
        });
        return command;
    }
}
