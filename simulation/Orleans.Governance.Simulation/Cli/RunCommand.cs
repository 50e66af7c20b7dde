using System.CommandLine;
using System.Diagnostics;
using Orleans.Governance.Simulation.Hosts;
using Orleans.Governance.Simulation.Model;
using Orleans.Governance.Simulation.Output;
using Orleans.Governance.Simulation.Scenarios;
using Spectre.Console;

namespace Orleans.Governance.Simulation.Cli;

/// <summary><c>run SCENARIO [--engine kernel|grains] [--seed N] [--replications R] [--no-surges] [--json FILE] [--csv DIR] [--report FILE.html] [--lang zh|en]</c>.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var scenario = new Argument<FileInfo>("SCENARIO") { Description = "the scenario file (YAML or JSON; see docs/simulator.md)" };
        var seed = new Option<long?>("--seed") { Description = "overrides the scenario's seed" };
        var replications = new Option<int?>("--replications") { Description = "overrides the scenario's number of replications" };
        var noSurges = new Option<bool>("--no-surges") { Description = "drops the scenario's calendar.surges: its surge-free twin, for the early warnings' false-alarm rate" };
        var json = new Option<FileInfo?>("--json") { Description = "writes the figures as JSON" };
        var csv = new Option<DirectoryInfo?>("--csv") { Description = "writes timeseries.csv and figures.csv into this folder" };
        var report = new Option<FileInfo?>("--report") { Description = "writes a self-contained HTML report" };
        var lang = new Option<string>("--lang") { Description = "report language: zh (default) or en", DefaultValueFactory = _ => "zh" };
        lang.AcceptOnlyFromAmong("zh", "en");
        var engine = ScenarioOptions.Engine();
        var command = new Command("run", "Runs a scenario in virtual time, on the kernel host or the production grains.") { scenario, engine, seed, replications, noSurges, json, csv, report, lang };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var console = AnsiConsole.Console;
            Scenario loaded;
            try
            {
                loaded = ScenarioReader.LoadFile(parse.GetValue(scenario)!.FullName);
            }
            catch (ScenarioException e)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }

            if (parse.GetValue(replications) is { } r)
            {
                if (r < 1)
                {
                    Console.Error.WriteLine($"--replications: {r} — expected an integer ≥ 1");
                    return 2;
                }

                loaded = loaded with { Replications = r };
            }

            if (parse.GetValue(seed) is { } s)
            {
                loaded = loaded with { Seed = s };
            }

            if (parse.GetValue(noSurges))
            {
                loaded = loaded with { Surges = [] };
            }

            var wall = Stopwatch.StartNew();
            var progress = new ConsoleProgress(console, loaded.StartDate, loaded.HorizonDays, loaded.Replications);
            var result = await progress.RunAsync(() => Simulator.RunAsync(loaded, parse.GetValue(engine), progress, cancellationToken: cancellationToken));
            ConsoleReport.Print(console, result);
            var loop = result.Runs.Sum(run => run.EventLoopSeconds);
            var events = result.Runs.Sum(run => run.Events);
            var siloStart = parse.GetValue(engine) == HostKind.Grains ? $"; silo start {result.SiloStartSeconds:0.00} s" : "";
            console.WriteLine($"Event loop {loop:0.00} s ({events:N0} events, {events / Math.Max(loop, 1e-9):N0} events/s){siloStart}; whole run {wall.Elapsed.TotalSeconds:0.00} s; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024):N0} MB; "
                + $"allocated {GC.GetTotalAllocatedBytes() / (1024 * 1024):N0} MB, collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} (gen 0/1/2), paused {GC.GetTotalPauseDuration().TotalSeconds:0.00} s.");

            if (parse.GetValue(json) is { } jsonFile)
            {
                JsonReport.Write(result, jsonFile.FullName);
                console.WriteLine($"JSON: {jsonFile.FullName}");
            }

            if (parse.GetValue(csv) is { } csvDirectory)
            {
                foreach (var path in CsvReport.Write(result, csvDirectory.FullName))
                {
                    console.WriteLine($"CSV: {path}");
                }
            }

            if (parse.GetValue(report) is { } reportFile)
            {
                var labels = parse.GetValue(lang) == "en" ? ReportLabels.English : ReportLabels.Chinese;
                if (labels == ReportLabels.Chinese && !Charts.CanDrawChinese)
                {
                    console.MarkupLineInterpolated($"[yellow]Warning: the font {Charts.Font} is not installed, so the charts' Chinese labels will be empty. Install it with deploy/install-cjk-font.sh, or use --lang en.[/]");
                }

                HtmlReport.Write(result, reportFile.FullName, labels);
                console.WriteLine($"Report: {reportFile.FullName}");
            }

            return 0;
        });
        return command;
    }
}
