using System.Diagnostics;
using System.Text.Json;
using Orleans.Governance.Simulation.Output;
using Orleans.Governance.Simulation.Tests.Support;

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
        Assert.True(result["totals.casesCreated"].Mean > 50, "too few cases to say anything");
        Assert.Equal(0, result["totals.refusedCommands"].Mean);
        Assert.True(result["totals.escalations"].Mean > 0);
        Assert.True(result["levels.city.admitted"].Mean > 0, "nothing reached the city");
        var shares = new[] { "grid", "village", "township", "county", "city" }.Sum(l => result[$"levels.{l}.resolvedShare"].Mean);
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
    public void The_html_report_renders_in_headless_chromium()
    {
        const string Chromium = "/usr/bin/chromium";
        if (!File.Exists(Chromium))
        {
            // xunit 2 has no runtime skip: say so in the output and pass.
            Console.WriteLine($"SKIPPED: {Chromium} is not installed (apt-get install -y chromium), so the screenshot is not taken.");
            return;
        }

        var folder = Directory.CreateTempSubdirectory("gov-sim-report-");
        var page = Path.Combine(folder.FullName, "report.html");
        var png = Path.Combine(folder.FullName, "report.png");
        HtmlReport.Write(runs.First, page, ReportLabels.Chinese);
        var start = new ProcessStartInfo(Chromium)
        {
            ArgumentList =
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", $"--user-data-dir={Path.Combine(folder.FullName, "profile")}", $"--screenshot={png}", "--window-size=1400,2000", new Uri(page).AbsoluteUri,
            },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var chromium = Process.Start(start)!;
        _ = chromium.StandardError.ReadToEndAsync();
        _ = chromium.StandardOutput.ReadToEndAsync();
        Assert.True(chromium.WaitForExit(60_000), "chromium did not finish the screenshot within 60 s");
        Assert.True(File.Exists(png) && new FileInfo(png).Length > 20_000, $"no screenshot of the report at {png}");
    }

    private static double Created(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("figures").GetProperty("totals").GetProperty("casesCreated").GetProperty("mean").GetDouble();
}
