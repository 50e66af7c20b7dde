using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Simulation.Detection;
using Orleans.Governance.Simulation.Scenarios;
using Orleans.Governance.Simulation.Tests.Support;

namespace Orleans.Governance.Simulation.Tests;

/// <summary>Warnings into episodes, episodes against injected surges, on the sample city's tree (sample → sample-01, sample-02 → …).</summary>
public sealed class EpisodeMatchingTests
{
    private static readonly UnitTree s_tree = UnitTree.Of(TestScenarios.Parse(TestScenarios.SampleCity(10, 1)).City.Definition);

    /// <summary>×3 labour in county sample-01 on days 40 to 50.</summary>
    private static readonly Surge s_labour = new(40, 50, 3, new HashSet<CaseType> { CaseType.Labour }, new HashSet<string> { "sample-01" });

    [Fact]
    public void A_unit_and_type_flagged_on_consecutive_days_is_one_episode_raised_on_its_first_day()
    {
        var recorder = new EpisodeRecorder();
        recorder.Record(30, [("sample-01", CaseType.Labour)]);
        recorder.Record(31, [("sample-01", CaseType.Labour), ("sample-01", CaseType.Neighbour)]);
        recorder.Record(32, [("sample-01", CaseType.Labour), ("sample-01", CaseType.Labour)]);
        recorder.Record(33, []);
        recorder.Record(34, [("sample-01", CaseType.Labour)]);

        Assert.Equal(
            [
                new WarningEpisode("sample-01", CaseType.Labour, 30, 32),
                new WarningEpisode("sample-01", CaseType.Neighbour, 31, 31),
                new WarningEpisode("sample-01", CaseType.Labour, 34, 34),
            ],
            recorder.Episodes);
    }

    [Fact]
    public void A_day_without_an_evaluation_breaks_an_episode_and_days_go_forward_only()
    {
        var recorder = new EpisodeRecorder();
        recorder.Record(30, [("sample", CaseType.Legal)]);
        recorder.Record(32, [("sample", CaseType.Legal)]);

        Assert.Equal([30, 32], recorder.Episodes.Select(e => e.RaisedDay));
        Assert.Throws<ArgumentOutOfRangeException>(() => recorder.Record(32, []));
    }

    [Theory]
    [InlineData("sample-01", CaseType.Labour, 40, true)] // the county itself, on the surge's first day
    [InlineData("sample-01-02-003-1", CaseType.Labour, 45, true)] // a grid in it
    [InlineData("sample", CaseType.Labour, 41, true)] // the city above it
    [InlineData("sample-02", CaseType.Labour, 41, false)] // the other county
    [InlineData("sample-01", CaseType.Neighbour, 41, false)] // another type
    [InlineData("sample-01", CaseType.Labour, 39, false)] // raised at the end of day 39, as the surge began
    [InlineData("sample-01", CaseType.Labour, 52, true)] // within 3 days of its end
    [InlineData("sample-01", CaseType.Labour, 53, false)]
    public void An_episode_matches_a_surge_of_its_type_in_an_overlapping_area_from_its_start_to_three_days_past_its_end(string unit, CaseType type, int raisedDay, bool matches)
    {
        Assert.Equal(matches, SurgeMatching.Matches(new WarningEpisode(unit, type, raisedDay, raisedDay + 1), s_labour, s_tree));
    }

    [Fact]
    public void A_surge_of_all_types_in_the_whole_city_matches_any_unit_and_type()
    {
        var everything = s_labour with { Types = null, Units = null };

        Assert.True(SurgeMatching.Matches(new WarningEpisode("sample-02-01-001-1", CaseType.Legal, 44, 44), everything, s_tree));
    }

    [Fact]
    public void Each_surge_gets_its_first_matching_warning_and_the_rest_count_as_false_per_county_and_90_days()
    {
        var fractional = new Surge(60.5, 70, 2, null, new HashSet<string> { "sample-02-01" });
        var missed = new Surge(80, 85, 5, new HashSet<CaseType> { CaseType.Legal }, null);
        WarningEpisode[] episodes =
        [
            new("sample-01-01", CaseType.Labour, 42, 44), // the labour surge, raised at the end of day 42
            new("sample-01", CaseType.Labour, 41, 45), // … and earlier by its county: 2 days after the start
            new("sample-02", CaseType.Neighbour, 60, 61), // the township surge, seen by its county: half a day
            new("sample-02", CaseType.Labour, 20, 21), // false
            new("sample", CaseType.Legal, 75, 75), // false: before the legal surge
        ];

        var detection = SurgeMatching.Assess(episodes, [s_labour, fractional, missed], s_tree, testedDays: 45, counties: 2);

        Assert.Equal([new SurgeDetection(true, 2), new SurgeDetection(true, 0.5)], detection.Surges.Take(2));
        Assert.False(detection.Surges[2].Detected);
        Assert.True(double.IsNaN(detection.Surges[2].DelayDays));
        Assert.Equal(2, detection.FalseWarnings);
        Assert.Equal(2.0, detection.FalseWarningsPerCountyPer90Days, 12);
    }

    [Fact]
    public void Without_counties_or_tested_days_there_is_no_false_warning_rate()
    {
        Assert.True(double.IsNaN(SurgeMatching.Assess([], [], s_tree, testedDays: 0, counties: 2).FalseWarningsPerCountyPer90Days));
        Assert.True(double.IsNaN(SurgeMatching.Assess([], [], s_tree, testedDays: 30, counties: 0).FalseWarningsPerCountyPer90Days));
    }
}
