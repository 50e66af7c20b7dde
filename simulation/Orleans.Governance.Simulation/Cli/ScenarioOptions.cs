using System.CommandLine;
using Orleans.Governance.Simulation.Hosts;
using Orleans.Governance.Simulation.Output;
using Orleans.Governance.Simulation.Scenarios;
using Spectre.Console;

namespace Orleans.Governance.Simulation.Cli;

/// <summary>What the commands share: loading scenario files (a refused file is reported and yields null: exit code 2), --engine and --lang.</summary>
public static class ScenarioOptions
{
    /// <summary>The --engine option the planning commands share: which host runs the kernel.</summary>
    public static Option<HostKind> Engine() => new("--engine")
    {
        Description = "kernel (default): the rules run directly, replications in parallel; grains: the production grains on an embedded silo (the digital twin, same results, slower)",
        DefaultValueFactory = _ => HostKind.Kernel,
    };

    /// <summary>The --lang option of every command with a report: the language of its console words and its HTML page.</summary>
    public static Option<string> Lang() => new("--lang")
    {
        Description = "report language: zh (default) or en",
        DefaultValueFactory = _ => "zh",
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (text is not ("zh" or "en"))
            {
                result.AddError($"--lang: {text} — expected zh or en");
            }

            return text;
        },
    };

    /// <summary>The words of the language <paramref name="lang"/> names.</summary>
    public static ReportLabels Labels(ParseResult parse, Option<string> lang) => parse.GetValue(lang) == "en" ? ReportLabels.English : ReportLabels.Chinese;

    /// <summary>Warns before a Chinese report whose charts would lose their labels: ScottPlot drops the characters a missing font lacks.</summary>
    public static void WarnWithoutChineseFont(IAnsiConsole console, ReportLabels labels)
    {
        if (labels.InChinese && !Charts.CanDrawChinese)
        {
            console.MarkupLineInterpolated($"[yellow]Warning: the font {Charts.Font} is not installed, so the charts' Chinese labels will be empty. Install it with deploy/install-cjk-font.sh, or use --lang en.[/]");
        }
    }

    public static Scenario? Load(FileInfo file)
    {
        try
        {
            return ScenarioReader.LoadFile(file.FullName);
        }
        catch (ScenarioException e)
        {
            Console.Error.WriteLine(e.Message);
            return null;
        }
    }

    /// <summary>The --replications value, checked: with fewer than two there is no confidence interval.</summary>
    public static bool CheckReplications(int? replications)
    {
        if (replications is < 2 or > Scenario.MaxReplications)
        {
            Console.Error.WriteLine($"--replications: {replications} — expected an integer from 2 (an interval needs two replications) to {Scenario.MaxReplications}");
            return false;
        }

        return true;
    }
}
