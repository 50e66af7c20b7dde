using System.CommandLine;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Simulation.Cli;
using Orleans.Governance.Simulation.Model;
using Orleans.Governance.Simulation.Output;
using Orleans.Governance.Simulation.Planning;
using Orleans.Governance.Simulation.Scenarios;
using Orleans.Governance.Simulation.Tests.Support;

namespace Orleans.Governance.Simulation.Tests;

/// <summary>
/// <c>optimise --per centre</c> on a city small enough for brute force over every centre's count:
/// 3 grids under 2 villages (one village with two grids, so the villages' loads differ), one
/// township, one county and the city, with a 3-day deadline.
/// </summary>
public sealed class OptimisePerCentreTests
{
    private const int MaxPerCentre = 2;

    private const double Target = 0.9;

    private static readonly Level[] s_levels = [.. LevelNames.All];

    [Fact]
    public async Task The_per_centre_search_finds_the_cheapest_roster_that_brute_force_finds()
    {
        var scenario = Small(grids: 3, seed: 3);
        var city = new RosterCity(scenario.City);
        var goal = Goal(RosterCosts.Parse("township=1.5,county=2,city=3", s_levels, city));

        var search = await new RosterSearch(scenario, goal).RunAsync();
        var brute = await BruteForceAsync(scenario, goal);

        Assert.NotNull(brute);
        Assert.NotNull(search.Chosen);
        Assert.True(search.Chosen.Meets);
        Assert.True(Math.Abs(brute.Cost - search.Chosen.Cost) < 1e-9, $"brute force {brute.Roster} at {brute.Cost}; search {search.Chosen.Roster} at {search.Chosen.Cost} by {string.Join(" / ", search.Path.Select(p => p.Move))}");
        Assert.NotNull(search.LevelWinner);
        Assert.True(search.Chosen.Cost <= search.Evaluated.Single(e => e.Roster == search.LevelWinner).Cost);
        var json = OptimiseReport.Json(search);
        Assert.Contains("\"per\": \"centre\"", json, StringComparison.Ordinal);
        Assert.Contains("\"counties\": [", json, StringComparison.Ordinal);
        Assert.Contains("选定配置（各县区）", OptimiseReport.Html(search, scenario.Name, ReportLabels.Chinese), StringComparison.Ordinal);
        Assert.Contains("Chosen roster by county", OptimiseReport.Html(search, scenario.Name, ReportLabels.English), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dearer_centre_never_gets_more_mediators_than_an_otherwise_identical_cheaper_one()
    {
        // Two villages of one grid each, alike but for their streams of cases; each made dear in turn.
        var scenario = Small(grids: 2, seed: 5);
        var city = new RosterCity(scenario.City);
        var villages = city.Units.Where(u => u.Level == Level.Village).ToArray();
        Assert.Equal(2, villages.Length);

        foreach (var (dear, cheap) in new[] { (villages[0], villages[1]), (villages[1], villages[0]) })
        {
            var search = await new RosterSearch(scenario, Goal(RosterCosts.Parse($"{dear.Id}=10", s_levels, city))).RunAsync();

            Assert.NotNull(search.Chosen);
            Assert.True(search.Chosen.Roster[dear] <= search.Chosen.Roster[cheap], $"{dear.Id} at cost 10 against {cheap.Id} at 1: {search.Chosen.Roster}");
        }
    }

    [Fact]
    public async Task Costs_move_the_per_centre_roster_the_expected_way()
    {
        var scenario = Small(grids: 3, seed: 3);
        var city = new RosterCity(scenario.City);
        var even = await new RosterSearch(scenario, Goal(RosterCosts.Parse(null, s_levels, city))).RunAsync();
        var tripled = await new RosterSearch(scenario, Goal(RosterCosts.Parse("grid=3,village=3,township=3,county=3,city=3", s_levels, city))).RunAsync();

        Assert.NotNull(even.Chosen);
        Assert.Equal(even.Chosen.Roster, tripled.Chosen?.Roster);
        Assert.Equal(3 * even.Chosen.Cost, tripled.Chosen!.Cost, precision: 9);
        var busy = even.Chosen.Roster.Centres.Keys.Select(id => city[id]).Where(c => even.Chosen.Roster[c] > 1).ToList();
        foreach (var centre in busy)
        {
            // A centre the search staffed above one keeps no more when it alone costs ten times as much.
            var dear = await new RosterSearch(scenario, Goal(RosterCosts.Parse($"{centre.Id}=10", s_levels, city))).RunAsync();
            Assert.True(dear.Chosen!.Roster[centre] <= even.Chosen.Roster[centre], $"{centre.Id}: {dear.Chosen.Roster} against {even.Chosen.Roster}");
            Assert.True(dear.Chosen.Cost >= even.Chosen.Cost);
        }
    }

    [Fact]
    public void A_cost_naming_an_unknown_centre_is_refused_naming_it()
    {
        var city = new RosterCity(Small(grids: 3, seed: 1).City);

        Assert.Equal("'nowhere=2' — expected LEVEL=COST or CENTRE=COST with LEVEL one of grid, village, township, county, city and CENTRE the id of a unit of the city",
            Assert.Throws<FormatException>(() => RosterCosts.Parse("village=1.2,nowhere=2", s_levels, city)).Message);
        var centre = city.Units[^1].Id;
        Assert.StartsWith($"'{centre}=2' — expected LEVEL=COST with LEVEL one of",
            Assert.Throws<FormatException>(() => RosterCosts.Parse($"{centre}=2", s_levels)).Message, StringComparison.Ordinal);
        Assert.Equal(2, RosterCosts.Parse($"{centre}=2", s_levels, city).Of(city[centre]));
    }

    [Fact]
    public async Task Bad_arguments_are_refused_before_anything_runs()
    {
        var directory = Directory.CreateTempSubdirectory("optimise-");
        try
        {
            var scenario = Path.Combine(directory.FullName, "small.yaml");
            File.WriteAllText(scenario, SmallYaml(grids: 3, seed: 1));
            var json = Path.Combine(directory.FullName, "optimise.json");
            var command = new RootCommand { OptimiseCommand.Create() };

            var badScope = command.Parse(["optimise", scenario, "--per", "foo"]);
            var unknownCentre = await command.Parse(["optimise", scenario, "--per", "centre", "--cost", "nowhere=2", "--json", json]).InvokeAsync();
            var centreCostPerLevel = await command.Parse(["optimise", scenario, "--cost", "small-01-01-001=2", "--json", json]).InvokeAsync();

            Assert.Equal("--per: foo — expected level or centre", Assert.Single(badScope.Errors).Message);
            Assert.Equal((2, 2), (unknownCentre, centreCostPerLevel));
            Assert.False(File.Exists(json));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static RosterGoal Goal(RosterCosts costs) =>
        new(RosterGoal.ServiceLevel, Target, 0.95, costs, MaxPerCentre, BudgetRuns: 3_000) { Per = RosterScope.Centre, Candidates = 8 };

    /// <summary>Every per-centre roster up to <see cref="MaxPerCentre"/>.</summary>
    private static Task<RosterEvaluation?> BruteForceAsync(Scenario scenario, RosterGoal goal)
    {
        var city = new RosterCity(scenario.City);
        return BruteForce.CheapestMeetingAsync(scenario, goal, city.Units.Aggregate(
            new[] { Roster.Uniform(city.Levels, 1) }.AsEnumerable(),
            (partial, centre) => partial.SelectMany(r => Enumerable.Range(0, MaxPerCentre).Select(more => r.With([centre], more)))));
    }

    private static Scenario Small(int grids, long seed) => TestScenarios.Parse(SmallYaml(grids, seed));

    private static string SmallYaml(int grids, long seed) => TestScenarios.Climbing("small", $"counties: 1, townships: 1, villages: 2, grids: {grids}", 1.2, seed);
}
