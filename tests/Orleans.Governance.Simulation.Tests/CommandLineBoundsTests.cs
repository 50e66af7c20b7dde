using System.Diagnostics;
using Orleans.Governance.Tests.Shared;

namespace Orleans.Governance.Simulation.Tests;

/// <summary>
/// Every count a planner types is bounded: past its bound the command exits with 2 before
/// anything runs, and says the bound. Run as a user runs it, in a process of its own.
/// </summary>
public sealed class CommandLineBoundsTests
{
    private static readonly string Sample = Path.Combine(RepositoryRoot.Path, "simulation", "scenarios", "sample.yaml");

    [Theory]
    [InlineData("run|SAMPLE|--replications|10001", "--replications: 10001 — expected an integer from 1 to 10000")]
    [InlineData("compare|SAMPLE|SAMPLE|--replications|100000000", "--replications: 100000000 — expected an integer from 2 (an interval needs two replications) to 10000")]
    [InlineData("sweep|SAMPLE|--level|township|--to|1001", "--from 1 --to 1001 --target 0.95 — expected 1 ≤ from ≤ to ≤ 1000 (the largest team) and 0 < target ≤ 1")]
    [InlineData("optimise|SAMPLE|--max-per-centre|1001", "max-per-centre from 1 to 1000 (the largest team), budget-runs from 1 to 1000000, candidates from 1 to 1000")]
    [InlineData("optimise|SAMPLE|--budget-runs|2000000000", "--budget-runs 2000000000 --candidates 4 — expected")]
    [InlineData("check|SAMPLE|--max-tests|2000000000", "--max-tests: 2000000000 — expected an integer from 1 to 100000")]
    [InlineData("check|SAMPLE|--max-days|100000000", "--max-days: 100000000 — expected an integer from 1 to 3650")]
    [InlineData("load|--open|10|--concurrency|100000000", "--concurrency: 100000000 — expected an integer from 1 to 100,000")]
    public async Task A_count_past_its_bound_is_refused_naming_the_bound(string arguments, string refusal)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "gov-sim.dll"));
        foreach (var argument in arguments.Split('|'))
        {
            start.ArgumentList.Add(argument == "SAMPLE" ? Sample : argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Contains(refusal, await error + await output, StringComparison.Ordinal);
        Assert.Equal(2, process.ExitCode);
    }
}
