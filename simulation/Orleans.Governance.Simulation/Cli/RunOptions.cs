using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Orleans.Governance.Simulation.Hosts;
using Orleans.Governance.Simulation.Model;
using Orleans.Governance.Simulation.Output;
using Orleans.Governance.Simulation.Scenarios;
using Spectre.Console;

namespace Orleans.Governance.Simulation.Cli;

/// <summary>What <c>run</c> and <c>replay</c> share: the engine, the scenario's overrides, the progress and closing lines, and the outputs.</summary>
public sealed class RunOptions
{
    private readonly Option<HostKind> _engine = ScenarioOptions.Engine();
    private readonly Option<long?> _seed = new("--seed") { Description = "overrides the scenario's seed" };
    private readonly Option<int?> _replications = new("--replications") { Description = "overrides the scenario's number of replications" };
    private readonly Option<bool> _noSurges = new("--no-surges") { Description = "drops the scenario's calendar.surges: its surge-free twin, for the early warnings' false-alarm rate" };
    private readonly Option<FileInfo?> _json = new("--json") { Description = "writes the figures as JSON" };
    private readonly Option<DirectoryInfo?> _csv = new("--csv") { Description = "writes timeseries.csv and figures.csv into this folder" };
    private readonly Option<FileInfo?> _report = new("--report") { Description = "writes a self-contained HTML report" };
    private readonly Option<string> _lang = ScenarioOptions.Lang();

    public RunOptions(Command command)
    {
        foreach (var option in new Option[] { _engine, _seed, _replications, _noSurges, _json, _csv, _report, _lang })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The scenario file with the command line's overrides, or null when either is refused (reported on stderr: exit code 2).</summary>
    public Scenario? Load(ParseResult parse, FileInfo file)
    {
        var loaded = ScenarioOptions.Load(file);
        if (loaded is null)
        {
            return null;
        }

        if (parse.GetValue(_replications) is { } r)
        {
            if (r is < 1 or > Scenario.MaxReplications)
            {
                Console.Error.WriteLine($"--replications: {r} — expected an integer from 1 to {Scenario.MaxReplications}");
                return null;
            }

            loaded = loaded with { Replications = r };
        }

        if (parse.GetValue(_seed) is { } s)
        {
            loaded = loaded with { Seed = s };
        }

        return parse.GetValue(_noSurges) ? loaded with { Surges = [] } : loaded;
    }

    /// <summary>Runs the scenario with the console's progress, prints the figures and the closing line, and writes the outputs asked for.</summary>
    public async Task<SimulationResult> RunAsync(ParseResult parse, Scenario scenario, bool recordsIntake, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Console;
        var engine = parse.GetValue(_engine);
        var wall = Stopwatch.StartNew();
        var progress = new ConsoleProgress(console, scenario.StartDate, scenario.HorizonDays, scenario.Replications);
        var result = await progress.RunAsync(() => Simulator.RunAsync(scenario, engine, progress, cancellationToken: cancellationToken, recordsIntake: recordsIntake));
        ConsoleReport.Print(console, result);
        var loop = result.Runs.Sum(run => run.EventLoopSeconds);
        var events = result.Runs.Sum(run => run.Events);
        var siloStart = engine == HostKind.Grains ? $"; silo start {result.SiloStartSeconds:0.00} s" : "";
        // Each replication's own loop when there are several: the first pays for compiling the code and touching fresh memory.
        var perReplication = result.Runs.Count > 1 ? $" = {string.Join(" + ", result.Runs.Select(run => run.EventLoopSeconds.ToString("0.00", CultureInfo.InvariantCulture)))}" : "";
        console.WriteLine($"Event loop {loop:0.00} s{perReplication} ({events:N0} events, {events / Math.Max(loop, 1e-9):N0} events/s){siloStart}; whole run {wall.Elapsed.TotalSeconds:0.00} s; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024):N0} MB; "
            + $"allocated {GC.GetTotalAllocatedBytes() / (1024 * 1024):N0} MB, collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} (gen 0/1/2), paused {GC.GetTotalPauseDuration().TotalSeconds:0.00} s.");

        if (parse.GetValue(_json) is { } jsonFile)
        {
            JsonReport.Write(result, jsonFile.FullName);
            console.WriteLine($"JSON: {jsonFile.FullName}");
        }

        if (parse.GetValue(_csv) is { } csvDirectory)
        {
            foreach (var path in CsvReport.Write(result, csvDirectory.FullName))
            {
                console.WriteLine($"CSV: {path}");
            }
        }

        if (parse.GetValue(_report) is { } reportFile)
        {
            var labels = ScenarioOptions.Labels(parse, _lang);
            ScenarioOptions.WarnWithoutChineseFont(console, labels);
            HtmlReport.Write(result, reportFile.FullName, labels);
            console.WriteLine($"Report: {reportFile.FullName}");
        }

        return result;
    }
}
