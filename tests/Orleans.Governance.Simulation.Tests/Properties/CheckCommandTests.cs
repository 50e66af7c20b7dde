using System.CommandLine;
using Orleans.Governance.Simulation.Checks;
using Orleans.Governance.Simulation.Cli;
using Spectre.Console;

namespace Orleans.Governance.Simulation.Tests.Properties;

/// <summary>The <c>check</c> command end to end: what it prints and its exit code, on the real code and on a planted bug.</summary>
public sealed class CheckCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gov-check-").FullName;
    private readonly StringWriter _output = new();

    [Fact]
    public async Task Check_passes_on_a_sample_scenario_and_prints_what_it_checked()
    {
        var exit = await InvokeAsync(static o => o, "--max-tests", "3", "--seed", "11");

        var text = _output.ToString();
        Assert.True(exit == 0, text);
        foreach (var property in RunProperties.All)
        {
            Assert.Contains($"passed  {property.Name}", text, StringComparison.Ordinal);
        }

        Assert.Contains("seed 11", text, StringComparison.Ordinal);
        Assert.Matches(@"\d+ distinct variations simulated \(\d+ simulations with replays\), [\d,]+ cases seen", text);
        Assert.Contains("single-desk: test 1 — seed", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_prints_the_shrunk_counterexample_and_exits_non_zero_when_a_property_is_violated()
    {
        var exit = await InvokeAsync(PlantedBugs.KeptAfterTransfer, "--max-tests", "5", "--seed", "12");

        var text = _output.ToString();
        Assert.True(exit == 1, text);
        Assert.Contains("FAILED  single-desk", text, StringComparison.Ordinal);
        Assert.Contains("Property 'single-desk' is falsified.", text, StringComparison.Ordinal);
        Assert.Matches(@"shrunk variation:\s+seed \d+, horizonDays \d+", text);
        Assert.Contains("the desk holds", text, StringComparison.Ordinal);
        Assert.Contains("Replay: check checked-city.yaml --seed 12 --max-tests 5", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_check_cancelled_while_it_runs_gives_no_verdict_and_reports_no_failure()
    {
        using var cancellation = new CancellationTokenSource();
        var command = new RootCommand { CheckCommand.Create(Console(), observation =>
        {
            // Stopped by the user (SIGINT, SIGTERM) while the first variations run.
            cancellation.Cancel();
            return observation;
        }) };

        var exit = await command.Parse(["check", CheckedCity.WriteFile(_directory), "--max-tests", "20", "--seed", "13"]).InvokeAsync(cancellationToken: cancellation.Token);

        var text = _output.ToString();
        Assert.True(exit == 130, text);
        Assert.Contains("Cancelled after", text, StringComparison.Ordinal);
        Assert.DoesNotContain("still fails", text, StringComparison.Ordinal);
        Assert.DoesNotContain("FAILED", text, StringComparison.Ordinal);
        Assert.DoesNotContain("falsified", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_refuses_a_scenario_that_does_not_exist_with_exit_code_2()
    {
        var exit = await new RootCommand { CheckCommand.Create(Console(), static o => o) }.Parse(["check", Path.Combine(_directory, "missing.yaml")]).InvokeAsync();

        Assert.Equal(2, exit);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private Task<int> InvokeAsync(Func<RunObservation, RunObservation> tamper, params string[] options) =>
        new RootCommand { CheckCommand.Create(Console(), tamper) }.Parse(["check", CheckedCity.WriteFile(_directory), .. options]).InvokeAsync();

    private IAnsiConsole Console() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.No,
        Interactive = InteractionSupport.No,
        Out = new AnsiConsoleOutput(_output),
    });
}
