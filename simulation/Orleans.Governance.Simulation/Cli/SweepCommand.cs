using System.CommandLine;
using Orleans.Governance.Domain.City;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Simulation.Output;
using Orleans.Governance.Simulation.Planning;
using Orleans.Governance.Simulation.Scenarios;
using Spectre.Console;

namespace Orleans.Governance.Simulation.Cli;

/// <summary><c>sweep SCENARIO --level LEVEL --from N --to M [--engine kernel|grains] [--target 0.95] [--replications R] [--seed N] [--report FILE.html] [--lang zh|en]</c>.</summary>
public static class SweepCommand
{
    public static Command Create()
    {
        var scenario = new Argument<FileInfo>("SCENARIO") { Description = "the scenario file" };
        var level = new Option<string>("--level") { Description = $"the level whose centres are staffed: {LevelNames.Listed(LevelNames.All)}", Required = true };
        level.AcceptOnlyFromAmong([.. LevelNames.All.Select(LevelNames.Key)]);
        var from = new Option<int>("--from") { Description = "fewest mediators per centre", DefaultValueFactory = _ => 1 };
        var to = new Option<int>("--to") { Description = "most mediators per centre", Required = true };
        var target = new Option<double>("--target") { Description = "service level: share of closed cases closed within their deadline", DefaultValueFactory = _ => 0.95 };
        var replications = new Option<int?>("--replications") { Description = "overrides the scenario's replications" };
        var seed = new Option<long?>("--seed") { Description = "overrides the scenario's seed (the same for every value)" };
        var report = new Option<FileInfo?>("--report") { Description = "writes an HTML page with the chart of the service level against staffing" };
        var lang = ScenarioOptions.Lang();
        var engine = ScenarioOptions.Engine();
        var command = new Command("sweep", "Runs a scenario for each staffing of one level and prints the cheapest staffing meeting a service level.")
        {
            scenario, level, from, to, engine, target, replications, seed, report, lang,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var loaded = ScenarioOptions.Load(parse.GetValue(scenario)!);
            if (loaded is null)
            {
                return 2;
            }

            var (low, high, goal) = (parse.GetValue(from), parse.GetValue(to), parse.GetValue(target));
            if (low < 1 || high < low || high > CityPlan.MaxTeamSize || goal is <= 0 or > 1)
            {
                Console.Error.WriteLine($"--from {low} --to {high} --target {goal} — expected 1 ≤ from ≤ to ≤ {CityPlan.MaxTeamSize} (the largest team) and 0 < target ≤ 1");
                return 2;
            }

            loaded = loaded with
            {
                Replications = parse.GetValue(replications) ?? loaded.Replications,
                Seed = parse.GetValue(seed) ?? loaded.Seed,
            };
            if (loaded.Replications is < 1 or > Scenario.MaxReplications)
            {
                Console.Error.WriteLine($"--replications: {loaded.Replications} — expected an integer from 1 to {Scenario.MaxReplications}");
                return 2;
            }

            var name = parse.GetValue(level)!;
            LevelNames.TryParse(name, out var staffed);
            if (loaded.City.CountAt(staffed) == 0)
            {
                Console.Error.WriteLine($"--level: {name} — the scenario's city has no {name} units");
                return 2;
            }

            var console = AnsiConsole.Console;
            var labels = ScenarioOptions.Labels(parse, lang);
            var levelName = labels.LevelName(staffed);
            var sweep = await StaffingSweep.RunAsync(loaded, staffed, low, high, goal, parse.GetValue(engine), staff => console.WriteLine(labels.InChinese
                ? $"{levelName}：每中心 {staff} 名，{loaded.Replications} 次重复…"
                : $"{levelName}: {staff} per centre, {loaded.Replications} replication(s)…"), cancellationToken);
            SweepReport.Print(console, sweep, labels);
            if (parse.GetValue(report) is { } file)
            {
                ScenarioOptions.WarnWithoutChineseFont(console, labels);
                File.WriteAllText(file.FullName, SweepReport.Render(sweep, loaded.Name, labels));
                console.WriteLine($"Report: {file.FullName}");
            }

            return 0;
        });
        return command;
    }
}
