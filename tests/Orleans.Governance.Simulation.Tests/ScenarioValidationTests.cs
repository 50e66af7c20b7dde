using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Domain.Warnings;
using Orleans.Governance.Simulation.Scenarios;
using Orleans.Governance.Simulation.Tests.Support;

namespace Orleans.Governance.Simulation.Tests;

/// <summary>Bad scenario files are refused before anything runs, naming the field, its value and what was expected.</summary>
public sealed class ScenarioValidationTests
{
    private static IReadOnlyList<string> Problems(string yaml) => Assert.Throws<ScenarioException>(() => TestScenarios.Parse(yaml)).Problems;

    private static string Sample(string from, string to) => TestScenarios.SampleCity(10, 1).Replace(from, to, StringComparison.Ordinal);

    [Fact]
    public void A_negative_rate_names_its_path_value_and_expectation()
    {
        var problems = Problems(Sample("labour: { ratePerGridPerDay: 0.05 }", "labour: { ratePerGridPerDay: -1 }"));
        Assert.Contains("arrivals.labour.ratePerGridPerDay: -1 — expected a number ≥ 0 and at most 1000 (cases a unit a day)", problems);
    }

    /// <summary>Each numeric field that could make a run endless or exhaust memory is bounded, and the refusal names the bound.</summary>
    [Theory]
    [InlineData("labour: { ratePerGridPerDay: 0.05 }", "labour: { ratePerGridPerDay: 1e12 }", "arrivals.labour.ratePerGridPerDay: 1000000000000 — expected a number ≥ 0 and at most 1000 (cases a unit a day)")]
    [InlineData("grid: { distribution: exponential, meanDays: 0.5 }", "grid: { distribution: exponential, meanDays: 1e300 }", "handling.default.grid.meanDays: 1E+300 — expected a number of days > 0 and at most 3650")]
    [InlineData("meanDays: 2, sdDays: 1 }", "meanDays: 2, sdDays: 4000 }", "handling.default.township.sdDays: 4000 — expected a standard deviation in days > 0 and at most 3650")]
    [InlineData("intake: {", "calendar: { surges: [ { fromDay: 1, toDay: 3, multiplier: 1e15 } ] }\nintake: {", "calendar.surges[0].multiplier: 1000000000000000 — expected a multiplier ≥ 0 and at most 100")]
    [InlineData("intake: {", "calendar: { surges: [ { fromDay: 1, toDay: 9000, multiplier: 2 } ] }\nintake: {", "calendar.surges[0].toDay: 9000 — expected a day after fromDay and at most 7300")]
    [InlineData("intake: {", "calendar: { dayOfWeek: [1, 1, 1, 1, 1e9, 1, 1] }\nintake: {", "calendar.dayOfWeek: [1, 1, 1, 1, 1000000000, 1, 1] — expected 7 multipliers ≥ 0 and at most 100 (Monday … Sunday), not all 0")]
    [InlineData("intake: {", "channels: { walkIn: 1e300 }\nintake: {", "channels.walkIn: 1E+300 — expected a weight ≥ 0 and at most 1000000")]
    [InlineData("seed: 1", "seed: 1\nreplications: 10001", "replications: 10001 — expected an integer ≥ 1 and at most 10000")]
    [InlineData("horizonDays: 10", "horizonDays: 3651", "horizonDays: 3651 — expected a number of days > 0 and at most 3650 (ten years)")]
    public void A_value_past_its_bound_is_refused_naming_the_bound(string from, string to, string problem)
    {
        Assert.Contains(problem, Problems(Sample(from, to)));
    }

    [Fact]
    public void Rates_that_would_bring_more_cases_than_a_run_can_hold_are_refused_with_the_count()
    {
        // 900 cases a grid a day is within the rate's bound; over 36 grids, ten years and a surge of 10, not within the run's.
        var yaml = Sample("labour: { ratePerGridPerDay: 0.05 }", "labour: { ratePerGridPerDay: 900 }")
            .Replace("horizonDays: 10", "horizonDays: 3650", StringComparison.Ordinal)
            .Replace("intake: {", "calendar: { surges: [ { fromDay: 1, toDay: 3, multiplier: 10 } ] }\nintake: {", StringComparison.Ordinal);
        var problem = Assert.Single(Problems(yaml), p => p.StartsWith("arrivals: up to ", StringComparison.Ordinal));
        Assert.EndsWith("— expected at most 50,000,000: lower the rates, the days or the multipliers", problem);
        Assert.Contains("over 3652 days, times 10 at the busiest calendar and surge multipliers", problem);
    }

    [Fact]
    public void Unknown_types_fields_and_distributions_are_named()
    {
        var yaml = Sample("labour:", "wages:")
            .Replace("warmUpDays: 2", "warmUpDays: 2\nhorizon: 5", StringComparison.Ordinal)
            .Replace("distribution: fixed, meanDays: 4", "distribution: gamma, meanDays: 4", StringComparison.Ordinal);
        var problems = Problems(yaml);
        Assert.Contains(problems, p => p.StartsWith("arrivals.wages: unknown case type — expected one of labour, neighbour", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("horizon: unknown field — expected one of name, seed", StringComparison.Ordinal));
        Assert.Contains("handling.default.city.distribution: gamma — expected exponential, lognormal or fixed", problems);
    }

    [Fact]
    public void Missing_levels_probabilities_and_warm_up_past_the_horizon_are_refused()
    {
        var yaml = Sample("    city: { distribution: fixed, meanDays: 4 }\n", "")
            .Replace("county: 0.8", "county: 1.5", StringComparison.Ordinal)
            .Replace("warmUpDays: 2", "warmUpDays: 20", StringComparison.Ordinal);
        var problems = Problems(yaml);
        Assert.Contains("handling.default.city: missing — expected a duration: the city has city units", problems);
        Assert.Contains("resolution.default.county: 1.5 — expected a probability between 0 and 1", problems);
        Assert.Contains("warmUpDays: 20 — expected fewer days than horizonDays (10)", problems);
    }

    [Fact]
    public void Deadlines_are_bounded_as_in_city_files_not_by_a_grain_timer()
    {
        var accepted = TestScenarios.Parse(TestScenarios.SingleCentre(2, 1, 1, 1, 10, 0).Replace("simpleDays: 45", "simpleDays: 60", StringComparison.Ordinal));
        Assert.Equal(60, accepted.City.Root.Policy.SimpleDays);

        var problems = Problems(TestScenarios.SingleCentre(2, 1, 1, 1, 10, 0).Replace("simpleDays: 45", "simpleDays: 400", StringComparison.Ordinal));
        Assert.Contains("policy.simpleDays: 400 — expected a number of days > 0 and at most 365", problems);
    }

    [Fact]
    public void A_horizon_beyond_ten_years_is_refused()
    {
        var problems = Problems(Sample("horizonDays: 10", "horizonDays: 100000"));
        Assert.Contains(problems, p => p.StartsWith("horizonDays: 100000 — expected a number of days > 0 and at most 3650", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_city_file_and_malformed_yaml_are_refused()
    {
        Assert.Contains(Problems(Sample("file: sample.json", "file: nowhere.json")), p => p.StartsWith("city.file: nowhere.json — expected an existing city file", StringComparison.Ordinal));
        Assert.Contains(Problems("city: [unclosed"), p => p.StartsWith("malformed YAML at line", StringComparison.Ordinal));
    }

    [Fact]
    public void A_surge_names_units_of_the_city_and_at_least_one()
    {
        var problems = Problems(Sample("intake:", "calendar:\n  surges:\n    - { fromDay: 1, toDay: 3, multiplier: 2, units: [sample-01, nowhere] }\n    - { fromDay: 1, toDay: 3, multiplier: 2, units: [] }\nintake:"));
        Assert.Contains("calendar.surges[0].units[1]: nowhere — expected the id of a unit of the city", problems);
        Assert.Contains("calendar.surges[1].units: [] — expected at least one unit id (leave units out for the whole city)", problems);
        Assert.Equal(2, problems.Count);
    }

    [Fact]
    public void The_early_warning_rule_can_be_overridden_and_is_checked()
    {
        var tuned = TestScenarios.Parse(Sample("intake:", "policy: { earlyWarning: { alpha: 0.0001, minObserved: 5 } }\nintake:"));
        Assert.Equal(new EarlyWarningRule { Alpha = 1e-4, MinObserved = 5 }, tuned.City.Definition.Policy.EarlyWarning);

        var problems = Problems(Sample("intake:", "policy: { earlyWarning: { alpha: 0, baselineDays: 60, colour: red } }\nintake:"));
        Assert.Contains("policy.earlyWarning.alpha: 0 — expected a probability > 0 and < 1", problems);
        Assert.Contains(problems, p => p.StartsWith("policy.earlyWarning.colour: unknown field — expected one of alpha, maxWindowDays", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("policy.earlyWarning reads 85 days of history", StringComparison.Ordinal));
    }

    [Fact]
    public void A_working_calendar_is_read_relative_to_the_scenario_and_a_bad_one_refuses_the_run()
    {
        var working = TestScenarios.Parse(Sample("intake:", "policy: { deadlineDays: working, workingCalendar: cn-2026.json }\nintake:"));
        Assert.Equal((DeadlineDays.Working, 33), (working.City.Definition.Policy.DeadlineDays, working.City.Definition.Policy.WorkingCalendar!.DaysOff.Count));

        var problems = Problems(Sample("intake:", "policy: { deadlineDays: weekly, workingCalendar: nowhere.json }\nintake:"));
        Assert.Contains("policy.deadlineDays: weekly — expected calendar or working", problems);
        Assert.Contains(problems, p => p.StartsWith("policy.workingCalendar: nowhere.json: the calendar file does not exist (looked for /", StringComparison.Ordinal));
        Assert.Contains("policy.workingCalendar is cn-2026.json but policy.deadlineDays is not working — set deadlineDays: working to count its working days",
            Problems(Sample("intake:", "policy: { deadlineDays: calendar, workingCalendar: cn-2026.json }\nintake:")));
    }

    [Fact]
    public void A_value_of_the_wrong_kind_and_an_unknown_field_are_named_where_they_stand_and_nothing_is_called_missing()
    {
        string[] expected =
        [
            "followUp.shar: unknown field — expected one of share, delay, satisfaction (line 5, column 13)",
            "handling.default.city.meanDays: four — expected a number (line 17, column 44)",
        ];
        Assert.Equal(expected, Problems(Sample("meanDays: 4 }", "meanDays: four }").Replace("warmUpDays: 2", "warmUpDays: 2\nfollowUp: { shar: 1 }", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_starter_scenario_is_valid()
    {
        var scenario = TestScenarios.Parse(StarterScenario.Text);
        Assert.Equal(60, scenario.HorizonDays);
        Assert.Equal(4, scenario.City.Units.Count(u => u.Level == Level.Township && u.Mediators.Count == 4));
    }
}
