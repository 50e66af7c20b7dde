using System.CommandLine;
using Orleans.Governance.Simulation.Output;
using Orleans.Governance.Simulation.Planning;
using Spectre.Console;

namespace Orleans.Governance.Simulation.Cli;

/// <summary><c>compare A B [--engine kernel|grains] [--seed N] [--replications R] [--json FILE] [--report FILE.html] [--lang zh|en]</c>: paired differences B − A with common random numbers.</summary>
public static class CompareCommand
{
    public static Command Create()
    {
        var first = new Argument<FileInfo>("A") { Description = "the baseline scenario" };
        var second = new Argument<FileInfo>("B") { Description = "the alternative scenario" };
        var seed = new Option<long?>("--seed") { Description = "the common seed (default: A's)" };
        var replications = new Option<int?>("--replications") { Description = "replications of each (default: the larger of A's and B's; at least 2)" };
        var json = new Option<FileInfo?>("--json") { Description = "writes every paired difference as JSON" };
        var report = new Option<FileInfo?>("--report") { Description = "writes an HTML page with the key figures' differences and a chart of their relative changes" };
        var lang = ScenarioOptions.Lang();
        var engine = ScenarioOptions.Engine();
        var command = new Command("compare", "Runs two scenarios with the same seeds per replication and prints B − A with 95 % confidence intervals.") { first, second, engine, seed, replications, json, report, lang };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var a = ScenarioOptions.Load(parse.GetValue(first)!);
            var b = ScenarioOptions.Load(parse.GetValue(second)!);
            if (a is null || b is null)
            {
                return 2;
            }

            var runs = parse.GetValue(replications) ?? Math.Max(a.Replications, b.Replications);
            if (!ScenarioOptions.CheckReplications(runs))
            {
                return 2;
            }

            var console = AnsiConsole.Console;
            var labels = ScenarioOptions.Labels(parse, lang);
            console.WriteLine(labels.InChinese ? $"正在运行 A（{a.Name}）与 B（{b.Name}），各 {runs} 次重复…" : $"Running A ({a.Name}) and B ({b.Name}), {runs} replications each…");
            var comparison = await Comparison.RunAsync(a, b, parse.GetValue(seed), runs, parse.GetValue(engine), cancellationToken);
            ComparisonReport.Print(console, comparison, labels);
            if (parse.GetValue(json) is { } file)
            {
                File.WriteAllText(file.FullName, ComparisonReport.Render(comparison));
                console.WriteLine($"JSON: {file.FullName}");
            }

            if (parse.GetValue(report) is { } page)
            {
                ScenarioOptions.WarnWithoutChineseFont(console, labels);
                File.WriteAllText(page.FullName, ComparisonReport.Html(comparison, labels));
                console.WriteLine($"Report: {page.FullName}");
            }

            return 0;
        });
        return command;
    }
}
