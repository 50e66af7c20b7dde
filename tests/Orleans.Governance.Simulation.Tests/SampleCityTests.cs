using System.Text.Json;
using Microsoft.Playwright;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Simulation.Output;
using Orleans.Governance.Simulation.Tests.Support;
using Orleans.Governance.Tests.Shared;

namespace Orleans.Governance.Simulation.Tests;

/// <summary>The sample city end to end: determinism, seeds, the grains' own rules at work, the report.</summary>
public sealed class SampleCityTests(SampleRuns runs) : IClassFixture<SampleRuns>
{
    [Fact]
    public void The_same_seed_gives_identical_json()
    {
        Assert.Equal(runs.FirstJson, runs.SecondJson);
    }

    [Fact]
    public void A_different_seed_gives_different_figures()
    {
        Assert.NotEqual(Created(runs.FirstJson), Created(runs.OtherSeedJson));
    }

    [Fact]
    public void Cases_climb_the_levels_and_no_command_is_refused()
    {
        var result = runs.First;
        Assert.True(result.Figures.Totals.CasesCreated.Mean > 50, "too few cases to say anything");
        Assert.Equal(0, result.Figures.Totals.RefusedCommands.Mean);
        Assert.True(result.Figures.Totals.Escalations.Mean > 0);
        Assert.True(result.Figures.Levels[Level.City].Admitted.Mean > 0, "nothing reached the city");
        var shares = LevelNames.All.Sum(l => result.Figures.Levels[l].ResolvedShare.Mean);
        Assert.Equal(1, shares, 9);
    }

    [Fact]
    public void The_html_report_is_self_contained_with_five_charts_and_chinese_labels()
    {
        Assert.True(Charts.CanDrawChinese, $"{Charts.Font} is not installed, so the charts cannot draw Chinese: run deploy/install-cjk-font.sh");
        var html = HtmlReport.Render(runs.First, ReportLabels.Chinese);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        foreach (var id in new[] { "queue", "resolution", "time-to-close", "utilisation", "overdue" })
        {
            Assert.Contains($"<figure id=\"chart-{id}\">\n<svg", html, StringComparison.Ordinal);
        }

        Assert.Contains("各层级排队案件数", html, StringComparison.Ordinal);
        Assert.Contains("乡镇（街道）", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_html_report_renders_in_headless_chromium()
    {
        var page = Path.Combine(Directory.CreateTempSubdirectory("gov-sim-report-").FullName, "report.html");
        HtmlReport.Write(runs.First, page, ReportLabels.Chinese);

        // The browser is this test's own (not a class fixture): without it only this test fails, with the reason.
        var chromium = new ChromiumFixture();
        try
        {
            await chromium.InitializeAsync();
            await RenderAsync(chromium.Browser, page);
        }
        finally
        {
            await chromium.DisposeAsync();
        }
    }

    private static async Task RenderAsync(IBrowser browser, string page)
    {
        var tab = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 2000 } });
        await tab.GotoAsync(new Uri(page).AbsoluteUri);

        await Assertions.Expect(tab.GetByRole(AriaRole.Heading, new() { Name = "矛盾纠纷化解仿真报告" })).ToBeVisibleAsync();
        var charts = tab.Locator("figure > svg");
        Assert.Equal(5, await charts.CountAsync());
        for (var i = 0; i < 5; i++)
        {
            var box = await charts.Nth(i).BoundingBoxAsync();
            Assert.True(box is { Width: > 800, Height: > 300 }, $"chart {i + 1} was not laid out: {box?.Width}×{box?.Height}");
        }

        var png = await tab.ScreenshotAsync(new() { Path = Path.ChangeExtension(page, ".png"), FullPage = true });
        Assert.True(png.Length > 20_000, $"the screenshot of the report is blank ({png.Length} bytes)");
    }

    private static double Created(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("figures").GetProperty("totals").GetProperty("casesCreated").GetProperty("mean").GetDouble();
}
