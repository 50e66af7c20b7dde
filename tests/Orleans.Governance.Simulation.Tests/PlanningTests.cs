using System.CommandLine;
using System.Net;
using System.Text.RegularExpressions;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Simulation.Cli;
using Orleans.Governance.Simulation.Output;
using Orleans.Governance.Simulation.Planning;
using Orleans.Governance.Simulation.Scenarios;
using Orleans.Governance.Simulation.Statistics;
using Orleans.Governance.Simulation.Tests.Support;

namespace Orleans.Governance.Simulation.Tests;

/// <summary>
/// <c>compare</c> and <c>sweep</c> on one M/M/c centre, where the direction of every effect is
/// known; their reports speak the language of <c>--lang</c> and name figures as <see cref="FigureTable"/> does.
/// </summary>
public sealed class PlanningTests
{
    private static readonly FigureDescriptor<Figures<Estimate>> s_waitAtCity = FigureTable.AtLevel(Level.City, l => l.WaitBeforeAcceptanceDays.Mean);
    private static readonly Scenario s_two = TestScenarios.Parse(TestScenarios.SingleCentre(mediators: 2, arrivalsPerDay: 1.4, meanServiceDays: 1, replications: 3, horizonDays: 60, warmUpDays: 5));
    private static readonly Scenario s_three = TestScenarios.Parse(TestScenarios.SingleCentre(mediators: 3, arrivalsPerDay: 1.4, meanServiceDays: 1, replications: 3, horizonDays: 60, warmUpDays: 5));

    [Fact]
    public async Task A_scenario_compared_with_itself_differs_by_exactly_zero()
    {
        var scenario = TestScenarios.Parse(TestScenarios.SingleCentre(mediators: 2, arrivalsPerDay: 1.2, meanServiceDays: 1, replications: 2, horizonDays: 60, warmUpDays: 5));

        var comparison = await Comparison.RunAsync(scenario, scenario, seed: null, replications: 2);

        Assert.NotEmpty(comparison.Differences);
        Assert.All(comparison.Differences.SelectMany(d => d.Differences).Where(double.IsFinite), d => Assert.Equal(0, d));
        Assert.Equal(0, comparison.Of(s_waitAtCity).HalfWidth);
        Assert.False(comparison.Of(s_waitAtCity).Significant);
        Assert.Contains("\"schema\": \"orleans-governance-comparison/1\"", ComparisonReport.Render(comparison), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_third_mediator_shortens_the_wait_on_the_same_arrivals()
    {
        var two = TestScenarios.Parse(TestScenarios.SingleCentre(mediators: 2, arrivalsPerDay: 1.4, meanServiceDays: 1, replications: 5, horizonDays: 300, warmUpDays: 20));
        var three = TestScenarios.Parse(TestScenarios.SingleCentre(mediators: 3, arrivalsPerDay: 1.4, meanServiceDays: 1, replications: 5, horizonDays: 300, warmUpDays: 20));

        var comparison = await Comparison.RunAsync(two, three, seed: 5, replications: 5);

        // Common random numbers: the same disputes arrive in both, so only the waiting differs.
        Assert.All(comparison.Of(FigureTable.Total(t => t.CasesCreated)).Differences, d => Assert.Equal(0, d));
        var wait = comparison.Of(s_waitAtCity);
        Assert.True(wait.Mean + wait.HalfWidth < 0, $"B − A wait {wait.Mean:0.000} ± {wait.HalfWidth:0.000} days should be below 0");
        Assert.True(wait.Significant);
    }

    [Fact]
    public async Task A_sweep_finds_the_cheapest_staffing_that_meets_the_service_level()
    {
        // Deadline 5 days: one mediator at ρ = 1.5 cannot keep up; two or three can.
        var yaml = TestScenarios.SingleCentre(mediators: 1, arrivalsPerDay: 1.5, meanServiceDays: 1, replications: 2, horizonDays: 60, warmUpDays: 5)
            .Replace("simpleDays: 45", "simpleDays: 5", StringComparison.Ordinal);
        var scenario = TestScenarios.Parse(yaml);

        var sweep = await StaffingSweep.RunAsync(scenario, Level.City, from: 1, to: 3, target: 0.9);

        Assert.Equal([1, 2, 3], sweep.Points.Select(p => p.PerCentre));
        Assert.True(sweep.Points[0].ServiceLevel.Mean < 0.9, $"one mediator: {sweep.Points[0].ServiceLevel.Mean:P1} closed within deadline");
        Assert.True(sweep.Points[2].ServiceLevel.Mean > sweep.Points[0].ServiceLevel.Mean);
        Assert.NotNull(sweep.Cheapest);
        Assert.True(sweep.Cheapest.PerCentre > 1);
        Assert.All(sweep.Points.TakeWhile(p => p != sweep.Cheapest), p => Assert.True(p.ServiceLevel.Mean < 0.9));
        var html = SweepReport.Render(sweep, scenario.Name, ReportLabels.English);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains($"{sweep.Cheapest.PerCentre} mediators per city centre", html, StringComparison.Ordinal);
    }

    public static TheoryData<string> Languages => ["zh", "en"];

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_sweep_page_names_its_figures_in_the_chosen_language(string lang)
    {
        var (labels, other) = Labels(lang);
        var sweep = await StaffingSweep.RunAsync(s_two, Level.City, from: 1, to: 2, target: 0.9);

        var html = SweepReport.Render(sweep, s_two.Name, labels);

        Assert.Contains($"<html lang=\"{labels.Lang}\">", html, StringComparison.Ordinal);
        Assert.Matches(new Regex("<figure id=\"chart-service-level\">\\s*<svg.*</svg>\\s*</figure>", RegexOptions.Singleline), html);
        Assert.Contains(WebUtility.HtmlEncode(SweepReport.Verdict(sweep, labels)), html, StringComparison.Ordinal);
        FigureDescriptor<Figures<Estimate>>[] columns =
        [
            FigureTable.Total(t => t.ClosedWithinDeadlineShare), FigureTable.AtLevel(Level.City, l => l.WaitBeforeAcceptanceDays.Mean),
            FigureTable.AtLevel(Level.City, l => l.Utilisation), FigureTable.Total(t => t.TimeToCloseDays.Mean),
        ];
        Assert.All(columns, figure =>
        {
            Assert.Contains($"<th>{WebUtility.HtmlEncode(labels.FigureName(figure.Label))}</th>", html, StringComparison.Ordinal);
            Assert.DoesNotContain(WebUtility.HtmlEncode(other.FigureName(figure.Label)), html, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task The_sweep_verdict_keeps_its_english_wording_and_has_a_chinese_one()
    {
        var sweep = await StaffingSweep.RunAsync(s_two, Level.City, from: 1, to: 2, target: 0.01);

        Assert.StartsWith("Cheapest staffing with 1 % closed within deadline: 1 mediators per city centre (1 at the level, 1 centres).", SweepReport.Verdict(sweep, ReportLabels.English), StringComparison.Ordinal);
        var share = FigureTable.Total(t => t.ClosedWithinDeadlineShare).Label.Chinese;
        Assert.StartsWith($"{share}达到 1 % 的最低配置：每个{LevelNames.Chinese(Level.City)}中心 1 名调解员", SweepReport.Verdict(sweep, ReportLabels.Chinese), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_comparison_page_has_the_paired_differences_and_their_chart_in_the_chosen_language(string lang)
    {
        var (labels, other) = Labels(lang);
        var comparison = await Comparison.RunAsync(s_two, s_three, seed: 3, replications: 3);

        var html = ComparisonReport.Html(comparison, labels);

        Assert.Contains($"<html lang=\"{labels.Lang}\">", html, StringComparison.Ordinal);
        Assert.Matches(new Regex("<figure id=\"chart-changes\">\\s*<svg.*</svg>\\s*</figure>", RegexOptions.Singleline), html);
        var utilisation = FigureTable.OfLevel(l => l.Utilisation).Label;
        Assert.Contains(WebUtility.HtmlEncode($"{labels.LevelName(Level.City)} · {labels.FigureName(utilisation)}"), html, StringComparison.Ordinal);
        var share = FigureTable.Total(t => t.ClosedWithinDeadlineShare);
        Assert.Contains($"title=\"{share.Key}\">{WebUtility.HtmlEncode(labels.FigureName(share.Label))}</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(WebUtility.HtmlEncode(other.FigureName(share.Label)), html, StringComparison.Ordinal);
        // A third mediator lowers the utilisation on the same arrivals: the page marks its interval as excluding 0.
        var busy = FigureTable.AtLevel(Level.City, l => l.Utilisation);
        Assert.True(comparison.Of(busy).Significant);
        Assert.Matches($"title=\"{Regex.Escape(busy.Key)}\">(?:(?!</tr>).)*<td>{(lang == "en" ? "yes" : "是")}</td></tr>", html);
    }

    [Fact]
    public void A_bad_lang_is_refused_naming_the_option()
    {
        var root = new RootCommand { SweepCommand.Create(), CompareCommand.Create() };

        var sweep = root.Parse(["sweep", "a.yaml", "--level", "city", "--to", "2", "--lang", "fr"]);
        var compare = root.Parse(["compare", "a.yaml", "b.yaml", "--lang", "fr"]);

        Assert.Equal("--lang: fr — expected zh or en", Assert.Single(sweep.Errors).Message);
        Assert.Equal("--lang: fr — expected zh or en", Assert.Single(compare.Errors).Message);
        Assert.Empty(root.Parse(["compare", "a.yaml", "b.yaml", "--lang", "en"]).Errors);
    }

    private static (ReportLabels Labels, ReportLabels Other) Labels(string lang) =>
        lang == "en" ? (ReportLabels.English, ReportLabels.Chinese) : (ReportLabels.Chinese, ReportLabels.English);
}
