using System.CommandLine;
using System.CommandLine.Parsing;
using Orleans.Governance.Domain.City;
using Orleans.Governance.Simulation.Output;
using Orleans.Governance.Simulation.Planning;
using Orleans.Governance.Simulation.Statistics;
using Spectre.Console;

namespace Orleans.Governance.Simulation.Cli;

/// <summary>
/// <c>optimise SCENARIO [--target 0.95] [--confidence 0.95] [--cost grid=1,village=1,…] [--per level|centre] [--candidates 4]
/// [--objective KEY] [--max-per-centre 10] [--budget-runs 400] [--replications R] [--seed N] [--engine kernel|grains] [--json FILE] [--report FILE.html] [--lang zh|en]</c>.
/// </summary>
public static class OptimiseCommand
{
    private const int MaxBudgetRuns = 1_000_000;
    private const int MaxCandidates = 1_000;

    public static Command Create()
    {
        var scenario = new Argument<FileInfo>("SCENARIO") { Description = "the scenario file" };
        var target = new Option<double>("--target") { Description = "the objective's target (a share, higher is better)", DefaultValueFactory = _ => 0.95 };
        var confidence = new Option<double>("--confidence") { Description = "confidence that the chosen roster's mean meets the target (one-sided, Student's t over the replications)", DefaultValueFactory = _ => 0.95 };
        var cost = new Option<string?>("--cost") { Description = "cost of one mediator per level, e.g. grid=1,village=1,township=1.2,county=1.5,city=2 (levels left out cost 1); with --per centre also per centre id (centres left out cost their level's)" };
        var per = new Option<RosterScope>("--per") { Description = "staff each level alike (level, the default) or each centre on its own (centre)", DefaultValueFactory = _ => RosterScope.Level, CustomParser = ParseScope };
        var candidates = new Option<int>("--candidates") { Description = "per centre: how many bottlenecks, and least-loaded centres one by one, each step tries", DefaultValueFactory = _ => 4 };
        var objective = new Option<string>("--objective") { Description = "the figure to meet, higher being better", DefaultValueFactory = _ => RosterGoal.ServiceLevel.Key };
        var maxPerCentre = new Option<int>("--max-per-centre") { Description = "most mediators per centre the search considers", DefaultValueFactory = _ => 10 };
        var budget = new Option<int>("--budget-runs") { Description = "most simulation runs (replications) the search may spend", DefaultValueFactory = _ => 400 };
        var replications = new Option<int?>("--replications") { Description = "overrides the scenario's replications (at least 2)" };
        var seed = new Option<long?>("--seed") { Description = "overrides the scenario's seed (the same for every roster)" };
        var json = new Option<FileInfo?>("--json") { Description = "writes the search as JSON" };
        var report = new Option<FileInfo?>("--report") { Description = "writes an HTML page with the cost/objective frontier and the chosen roster" };
        var lang = ScenarioOptions.Lang();
        var engine = ScenarioOptions.Engine();
        var command = new Command("optimise", "Finds the cheapest mediator roster (per level or per centre) whose objective meets a target with a stated confidence.")
        {
            scenario, target, confidence, cost, per, candidates, objective, maxPerCentre, budget, replications, seed, engine, json, report, lang,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var loaded = ScenarioOptions.Load(parse.GetValue(scenario)!);
            if (loaded is null)
            {
                return 2;
            }

            loaded = loaded with { Replications = parse.GetValue(replications) ?? loaded.Replications, Seed = parse.GetValue(seed) ?? loaded.Seed };
            var (goal, level, most, runs, k) = (parse.GetValue(target), parse.GetValue(confidence), parse.GetValue(maxPerCentre), parse.GetValue(budget), parse.GetValue(candidates));
            if (goal is <= 0 or > 1 || level is <= 0.5 or >= 1 || most is < 1 or > CityPlan.MaxTeamSize || runs is < 1 or > MaxBudgetRuns || k is < 1 or > MaxCandidates)
            {
                Console.Error.WriteLine($"--target {goal} --confidence {level} --max-per-centre {most} --budget-runs {runs} --candidates {k} — expected 0 < target ≤ 1, 0.5 < confidence < 1, max-per-centre from 1 to {CityPlan.MaxTeamSize} (the largest team), budget-runs from 1 to {MaxBudgetRuns}, candidates from 1 to {MaxCandidates}");
                return 2;
            }

            if (!ScenarioOptions.CheckReplications(loaded.Replications))
            {
                return 2;
            }

            var scope = parse.GetValue(per);
            var city = new RosterCity(loaded.City);
            RosterCosts costs;
            try
            {
                costs = RosterCosts.Parse(parse.GetValue(cost), city.Levels, scope == RosterScope.Centre ? city : null);
            }
            catch (FormatException e)
            {
                Console.Error.WriteLine($"--cost: {e.Message}");
                return 2;
            }

            var console = AnsiConsole.Console;
            var labels = ScenarioOptions.Labels(parse, lang);
            var noSuchFigure = $"--objective: {parse.GetValue(objective)} — no such figure (see the keys of run --json, e.g. {RosterGoal.ServiceLevel})";
            if (FigureTable.Find(parse.GetValue(objective)!) is not { } figure)
            {
                Console.Error.WriteLine(noSuchFigure);
                return 2;
            }

            var search = new RosterSearch(loaded, new RosterGoal(figure, goal, level, costs, most, runs) { Per = scope, Candidates = k }, parse.GetValue(engine), step => OptimiseReport.PrintStep(console, step));
            RosterSearchResult result;
            try
            {
                result = await search.RunAsync(cancellationToken);
            }
            catch (KeyNotFoundException)
            {
                // A figure of a level the scenario's city does not have.
                Console.Error.WriteLine(noSuchFigure);
                return 2;
            }

            OptimiseReport.Print(console, result, labels);
            if (parse.GetValue(json) is { } jsonFile)
            {
                File.WriteAllText(jsonFile.FullName, OptimiseReport.Json(result));
                console.WriteLine($"JSON: {jsonFile.FullName}");
            }

            if (parse.GetValue(report) is { } file)
            {
                ScenarioOptions.WarnWithoutChineseFont(console, labels);
                File.WriteAllText(file.FullName, OptimiseReport.Html(result, loaded.Name, labels));
                console.WriteLine($"Report: {file.FullName}");
            }

            return result.Chosen is null ? 1 : 0;
        });
        return command;
    }

    private static RosterScope ParseScope(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        switch (text)
        {
            case "level":
                return RosterScope.Level;
            case "centre":
                return RosterScope.Centre;
            default:
                result.AddError($"--per: {text} — expected level or centre");
                return RosterScope.Level;
        }
    }
}
