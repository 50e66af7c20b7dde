using System.CommandLine;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Simulation.Checks;
using Orleans.Governance.Simulation.Cli;
using Orleans.Governance.Simulation.Hosts;
using Orleans.Governance.Simulation.Intake;
using Orleans.Governance.Simulation.Model;
using Orleans.Governance.Simulation.Output;
using Orleans.Governance.Simulation.Scenarios;
using Orleans.Governance.Simulation.Tests.Properties;
using Orleans.Governance.Simulation.Tests.Support;
using Orleans.Governance.Tests.Shared;

namespace Orleans.Governance.Simulation.Tests;

/// <summary><c>replay</c>: a run's exported intake replays to the same figures, a log's observations are kept, and a bad log runs nothing.</summary>
public sealed class ReplayTests : IDisposable
{
    /// <summary>The sample city for a week, with every intake field drawn: groups, high risk, long-standing, several channels.</summary>
    private static readonly Scenario s_varied = TestScenarios.Parse(TestScenarios.SampleCity(7, 1).Replace(
        "intake: { highRiskShare: 0.02, groupShare: 0.1 }",
        "intake: { highRiskShare: 0.05, longStandingShare: 0.05, groupShare: 0.2 }\nchannels: { gridPatrol: 0.5, walkIn: 0.3, hotline12345: 0.2 }",
        StringComparison.Ordinal));

    private readonly string _directory = Directory.CreateTempSubdirectory("gov-replay-").FullName;

    [Fact]
    public void Replaying_the_intake_a_run_exported_gives_that_runs_figures_exactly()
    {
        var config = Config.QuickThrowOnFailure
            .WithMaxTest(20)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(20261201UL), FSharpOption<int>.None)));
        Check.One(config, Prop.ForAll(VariationGenerator.Around(s_varied, 7), variation =>
        {
            var scenario = variation.Apply(s_varied);
            var (generated, replayed) = RunAndReplayAsync(scenario, HostKind.Kernel).GetAwaiter().GetResult();
            return (generated == replayed).Label($"{variation}: the replay's JSON differs");
        }));
    }

    [Fact]
    public async Task The_production_grains_replay_an_exported_log_to_the_same_figures()
    {
        var scenario = TestScenarios.Parse(TestScenarios.SampleCity(3, 5));

        var (generated, replayed) = await RunAndReplayAsync(scenario, HostKind.Grains);

        Assert.Equal(generated, replayed);
    }

    /// <summary>The README's replay: the shipped log is the sample run's export, so the sample's roster gives the sample's figures.</summary>
    [Fact]
    public async Task The_shipped_sample_log_replays_to_the_sample_runs_figures()
    {
        var scenarios = Path.Combine(RepositoryRoot.Path, "simulation", "scenarios");
        var scenario = ScenarioReader.LoadFile(Path.Combine(scenarios, "sample.yaml"));
        var log = IntakeLogReader.Read(Path.Combine(scenarios, "sample-intake.csv"), scenario);

        var generated = JsonReport.Render(await Simulator.RunAsync(scenario));
        var replayed = JsonReport.Render(await Simulator.RunAsync(scenario with { IntakeLog = log }));

        Assert.Equal(generated, replayed);
    }

    [Fact]
    public async Task A_log_with_observed_handling_times_and_outcomes_reproduces_them()
    {
        var scenario = TestScenarios.Parse(TestScenarios.SingleCentre(mediators: 4, arrivalsPerDay: 5, meanServiceDays: 3, replications: 1, horizonDays: 10, warmUpDays: 0));
        var log = Write("""
            receivedAt,unit,type,channel,handlingDays,outcome
            2026-03-02T08:00+08:00,mmc,neighbour,walkIn,0.25,resolved
            2026-03-02T09:00+08:00,mmc,neighbour,walkIn,0.5,resolved
            2026-03-03T10:30+08:00,mmc,labour,hotline12345,1,resolved
            2026-03-04T14:00+08:00,mmc,labour,walkIn,2.25,failed
            """);

        var result = await Simulator.RunAsync(scenario with { IntakeLog = IntakeLogReader.Read(log, scenario) });

        Assert.Equal(4, result.Figures.Totals.CasesCreated.Mean);
        Assert.Equal(1.0, result.Figures.Levels[Level.City].ServiceDays.Mean.Mean, 12);
        Assert.Equal(3, result.Figures.Totals.CasesResolved.Mean);
        Assert.Equal(1, result.Figures.Totals.CasesReferred.Mean);
    }

    public static TheoryData<string, string> BadRows => new()
    {
        { "2026-03-02T08:00+08:00,nowhere,labour,walkIn,,,,,,", "3:2: unit: nowhere — expected a unit id of the city sample" },
        { "2026-03-02T08:00+08:00,sample-01-01-001-1,wages,walkIn,,,,,,", "3:3: type: wages — expected one of labour, neighbour, marriageFamily, elderSupport, propertyManagement, housingHomestead, landContract, trafficAccident, investmentPartnership, constructionPayment, workInjury, agriculturalSupplies, legal" },
        { "2026-03-02T08:00+08:00,sample-01-01-001-1,labour,fax,,,,,,", "3:4: channel: fax — expected one of gridPatrol, walkIn, hotline12345, onlinePlatform, mobileDesk, policeReferral, courtReferral, petitionReferral" },
        { "2026-03-02T06:59+08:00,sample-01-01-001-1,labour,walkIn,,,,,,", "3:1: receivedAt: 2026-03-02T06:59+08:00 — expected a time at or after line 2's 2026-03-02T07:00+08:00: rows in the order received" },
        { "2026-03-01T23:59+08:00,sample-01-01-001-1,labour,walkIn,,,,,,", "3:1: receivedAt: 2026-03-01T23:59+08:00 — expected a time at or after the scenario's start, 2026-03-02T00:00:00+08:00" },
        { "2026-03-12T00:00+08:00,sample-01-01-001-1,labour,walkIn,,,,,,", "3:1: receivedAt: 2026-03-12T00:00+08:00 — expected a time before the end of the horizon (10 days), 2026-03-12T00:00:00+08:00" },
        { "2026-03-02 8h,sample-01-01-001-1,labour,walkIn,,,,,,", "3:1: receivedAt: 2026-03-02 8h — expected a date and time like 2026-03-02T08:30:00+08:00 (without an offset: China Standard Time)" },
        { "2026-03-02T08:00+08:00,sample-01-01-001-1,labour,walkIn,12.5,,,,,", "3:5: amountYuan: 12.5 — expected a whole number of yuan ≥ 0, or empty" },
        { "2026-03-02T08:00+08:00,sample-01-01-001-1,labour,walkIn,,0,,,,", "3:6: parties: 0 — expected a whole number of parties ≥ 1, or empty" },
        { "2026-03-02T08:00+08:00,sample-01-01-001-1,labour,walkIn,,,yes,,,", "3:7: highRisk: yes — expected true or false, or empty" },
        { "2026-03-02T08:00+08:00,sample-01-01-001-1,labour,walkIn,,,,,\"1,5\",", "3:9: handlingDays: 1,5 — expected a number of days ≥ 0, or empty" },
        { "2026-03-02T08:00+08:00,sample-01-01-001-1,labour,walkIn,,,,,-1,", "3:9: handlingDays: -1 — expected a number of days ≥ 0, or empty" },
        { "2026-03-02T08:00+08:00,sample-01-01-001-1,labour,walkIn,,,,,,settled", "3:10: outcome: settled — expected resolved or failed, or empty" },
        { "2026-03-02T08:00+08:00,sample-01-01-001-1,labour,walkIn", "3:5: (row): 4 fields — expected 10, one per column of the header" },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public void A_bad_row_is_refused_with_its_file_line_column_and_reason(string row, string expected)
    {
        var log = Write($"{AllColumns}\n2026-03-02T07:00+08:00,sample-01-01-001-1,labour,walkIn,,,,,,\n{row}\n");

        var problems = Assert.Throws<IntakeLogException>(() => IntakeLogReader.Read(log, Sample)).Problems;

        Assert.Equal([$"{log}:{expected}"], problems);
    }

    [Fact]
    public void A_header_with_an_unknown_column_and_without_a_required_one_is_refused_before_any_row()
    {
        var log = Write("receivedAt,unit,kind,channel\nnot a time,nowhere,labour,walkIn\n");

        var problems = Assert.Throws<IntakeLogException>(() => IntakeLogReader.Read(log, Sample)).Problems;

        var columns = "the columns receivedAt, unit, type, channel and any of amountYuan, parties, highRisk, longStanding, handlingDays, outcome";
        Assert.Equal([$"{log}:1:3: (header): kind — expected {columns}: unknown column", $"{log}:1:5: (header): no type column — expected {columns}"], problems);
    }

    [Fact]
    public void Every_bad_row_is_listed_and_a_blank_line_or_a_quoted_line_break_keeps_the_line_numbers()
    {
        var log = Write($"{AllColumns}\n\n2026-03-02T07:00+08:00,sample-01-01-001-1,labour,walkIn,,,,,,\n\"2026-03-02T08:00\n+08:00\",nowhere,labour,walkIn,,,,,,\n2026-03-02T09:00+08:00,sample-01-01-001-1,wages,walkIn,,,,,,\n");

        var problems = Assert.Throws<IntakeLogException>(() => IntakeLogReader.Read(log, Sample)).Problems;

        Assert.Equal(3, problems.Count);
        Assert.StartsWith($"{log}:4:1: receivedAt: ", problems[0], StringComparison.Ordinal);
        Assert.Equal($"{log}:4:2: unit: nowhere — expected a unit id of the city sample", problems[1]);
        Assert.StartsWith($"{log}:6:3: type: wages", problems[2], StringComparison.Ordinal);
    }

    [Fact]
    public void A_log_without_a_case_is_refused()
    {
        var log = Write($"{AllColumns}\n");

        var problems = Assert.Throws<IntakeLogException>(() => IntakeLogReader.Read(log, Sample)).Problems;

        Assert.Equal([$"{log}:1:1: (log): no case — expected at least one row after the header"], problems);
    }

    [Fact]
    public async Task The_replay_command_refuses_a_bad_log_with_exit_code_2_and_runs_nothing()
    {
        var scenario = CheckedCity.WriteFile(_directory);
        var log = Write($"{AllColumns}\n2026-03-02T07:00+08:00,nowhere,labour,walkIn,,,,,,\n");
        var json = Path.Combine(_directory, "replay.json");

        var exit = await new RootCommand { ReplayCommand.Create() }.Parse(["replay", log, scenario, "--json", json]).InvokeAsync();

        Assert.Equal(2, exit);
        Assert.False(File.Exists(json));
    }

    [Fact]
    public async Task The_commands_export_a_run_and_replay_it_to_the_same_json()
    {
        var scenario = CheckedCity.WriteFile(_directory);
        var (log, generated, replayed) = (Path.Combine(_directory, "intake.csv"), Path.Combine(_directory, "run.json"), Path.Combine(_directory, "replay.json"));

        var run = await new RootCommand { RunCommand.Create() }.Parse(["run", scenario, "--export-intake", log, "--json", generated]).InvokeAsync();
        var replay = await new RootCommand { ReplayCommand.Create() }.Parse(["replay", log, scenario, "--json", replayed]).InvokeAsync();
        var twoReplications = await new RootCommand { RunCommand.Create() }.Parse(["run", scenario, "--export-intake", log, "--replications", "2"]).InvokeAsync();

        Assert.Equal<(int, int, int)>((0, 0, 2), (run, replay, twoReplications));
        Assert.Equal(File.ReadAllText(generated), File.ReadAllText(replayed));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private const string AllColumns = "receivedAt,unit,type,channel,amountYuan,parties,highRisk,longStanding,handlingDays,outcome";

    private static Scenario Sample { get; } = TestScenarios.Parse(TestScenarios.SampleCity(10, 1));

    private string Write(string text)
    {
        var path = Path.Combine(_directory, $"log-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The scenario's JSON, and the JSON of its exported intake replayed with the same seed.</summary>
    private async Task<(string Generated, string Replayed)> RunAndReplayAsync(Scenario scenario, HostKind host)
    {
        var generated = await Simulator.RunAsync(scenario, host, recordsIntake: true);
        var log = Path.Combine(_directory, $"export-{Guid.NewGuid():N}.csv");
        IntakeLogWriter.Write(log, scenario.StartDate, generated.Runs[0].Intake);
        // Without its arrival processes, so that a replay that ignored the log would have no case at all.
        var replayed = await Simulator.RunAsync(scenario with { IntakeLog = IntakeLogReader.Read(log, scenario), Arrivals = new Dictionary<CaseType, double[]>() }, host);
        return (JsonReport.Render(generated), JsonReport.Render(replayed));
    }
}
