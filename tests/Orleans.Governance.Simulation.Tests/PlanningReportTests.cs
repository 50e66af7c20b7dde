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

/// <summary>The <c>sweep</c> and <c>compare</c> reports speak the language of <c>--lang</c> and name figures as <see cref="FigureTable"/> does.</summary>
public sealed class PlanningReportTests
{
    private static readonly Scenario s_two = TestScenarios.Parse(TestScenarios.SingleCentre(mediators: 2, arrivalsPerDay: 1.4, meanServiceDays: 1, replications: 3, horizonDays: 60, warmUpDays: 5));
    private static readonly Scenario s_three = TestScenarios.Parse(TestScenarios.SingleCentre(mediators: 3, arrivalsPerDay: 1.4, meanServiceDays: 1, replications: 3, horizonDays: 60, warmUpDays: 5));

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
        // Fewer mediators are busier: the utilisation's interval excludes 0, and the page says so.
        Assert.True(comparison.Of(FigureTable.AtLevel(Level.City, l => l.Utilisation)).Significant);
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
