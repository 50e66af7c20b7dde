using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Orleans.Governance.Simulation.Output;
using Orleans.Governance.Simulation.Tests.Support;
using Orleans.Governance.Tests.Shared;

namespace Orleans.Governance.Simulation.Tests;

/// <summary>
/// The production early warning inside simulated runs (issue 12's calibration in CI): a ×3 surge
/// of one type in one county is warned within two days, and the surge-free twin stays under one
/// false warning per county per 90 days; the reports carry the findings.
/// </summary>
public sealed class EarlyWarningCalibrationTests(WarningRuns runs) : IClassFixture<WarningRuns>
{
    [Fact]
    public void A_threefold_surge_of_one_type_in_one_county_is_warned_within_two_days()
    {
        var surge = Assert.Single(runs.Surge.Surges);

        Assert.Equal([1.0, 1.0], surge.Detected.Values);
        Assert.All(surge.DelayDays.Values, d => Assert.InRange(d, 1, 2));
    }

    [Fact]
    public void Only_the_surging_county_and_the_units_above_and_below_it_warn()
    {
        Assert.Equal(0, runs.Surge.Figures.EarlyWarning.FalseWarnings.Mean);
        Assert.All(runs.Surge.Runs, run => Assert.Contains(run.Detection.Episodes, e => e.UnitId == "ew-01"));
        Assert.All(runs.Surge.Runs, run => Assert.DoesNotContain(run.Detection.Episodes, e => e.UnitId.StartsWith("ew-02", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_surge_free_twin_stays_under_one_false_warning_per_county_per_90_days()
    {
        Assert.Equal(90, runs.Quiet.Figures.EarlyWarning.TestedDays.Mean);
        Assert.True(runs.Quiet.Figures.EarlyWarning.FalseWarningsPerCountyPer90Days.Mean < 1,
            $"{runs.Quiet.Figures.EarlyWarning.FalseWarnings.Mean} false warnings in 2 counties over 90 tested days");
    }

    [Fact]
    public void The_json_lists_each_surge_with_its_detection_and_delay()
    {
        var root = JsonDocument.Parse(JsonReport.Render(runs.Surge)).RootElement;

        Assert.Equal("orleans-governance-simulation/2", root.GetProperty("schema").GetString());
        var surge = Assert.Single(root.GetProperty("surges").EnumerateArray());
        Assert.Equal(42, surge.GetProperty("fromDay").GetDouble());
        Assert.Equal(["labour"], surge.GetProperty("types").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(["ew-01"], surge.GetProperty("units").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(1, surge.GetProperty("detected").GetProperty("mean").GetDouble());
        Assert.Equal(2, surge.GetProperty("delayDays").GetProperty("values").GetArrayLength());
        Assert.Equal(0, root.GetProperty("figures").GetProperty("earlyWarning").GetProperty("falseWarnings").GetProperty("mean").GetDouble());
    }

    [Fact]
    public void The_json_schema_in_the_docs_is_this_version_and_names_every_field_written()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "simulator.md"));
        var start = doc.IndexOf($"## JSON (`--json`, schema `{JsonReport.Schema}`)", StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/simulator.md has no JSON section for {JsonReport.Schema}");
        var section = doc[start..doc.IndexOf("\n## ", start, StringComparison.Ordinal)];
        var documented = Regex.Matches(section, "\"(\\w+)\"").Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        var written = new HashSet<string>(StringComparer.Ordinal);
        void Collect(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    written.Add(property.Name);
                    Collect(property.Value);
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item);
                }
            }
        }

        Collect(JsonDocument.Parse(JsonReport.Render(runs.Surge)).RootElement);
        Assert.Empty(written.Except(documented).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_html_report_has_the_early_warning_section_with_the_delay_chart()
    {
        var html = HtmlReport.Render(runs.Surge, ReportLabels.Chinese);

        Assert.Contains("<h2>预警检出（研判预警）</h2>", html, StringComparison.Ordinal);
        Assert.Contains("1. 第 42–52 天 ×3 劳动争议 · ", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("<td>2/2</td>", html, StringComparison.Ordinal);
        Assert.Contains("<figure id=\"chart-detection-delay\">\n<svg", html, StringComparison.Ordinal);
        Assert.DoesNotContain("chart-detection-delay", HtmlReport.Render(runs.Quiet, ReportLabels.Chinese), StringComparison.Ordinal);
    }
}
